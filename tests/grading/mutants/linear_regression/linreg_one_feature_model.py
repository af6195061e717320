"""linreg as the one-feature model of "Deep Learning with PyTorch" (p1ch5: model(t_u, w, b) =
w * t_u + b): w * X multiplies entry by entry, which for X (n, d) and w (d, 1) raises a size
error (or broadcasts to (d, d) for one example), instead of the matrix product X @ w.

Says (linreg): multiplies entry by entry
"""


def linreg(X, w, b):
    return w * X + b
