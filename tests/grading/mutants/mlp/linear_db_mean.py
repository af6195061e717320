"""linear_backward with db not summed over the examples. On a square W it was told that dW was
transposed (the check tested dW's shape only, which a square W's transpose shares).

Says (linear_backward): db is the mean of dY over the examples
"""


def linear_backward(X, W, dY):
    return dY @ W.T, X.T @ dY, dY.mean(dim=0)
