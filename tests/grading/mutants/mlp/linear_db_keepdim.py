"""linear_backward sums dY with keepdim=True: db has shape (1, m) instead of (m,).

Says (linear_backward): sum without keepdim
"""


def linear_backward(X, W, dY):
    return dY @ W.T, X.T @ dY, dY.sum(dim=0, keepdim=True)
