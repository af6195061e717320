"""linear_backward with db not summed over the examples."""


def linear_backward(X, W, dY):
    return dY @ W.T, X.T @ dY, dY.mean(dim=0)
