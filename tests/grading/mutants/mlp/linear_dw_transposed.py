"""linear_backward with dW transposed (dY^T X)."""


def linear_backward(X, W, dY):
    return dY @ W.T, dY.T @ X, dY.sum(dim=0)
