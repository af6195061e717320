"""linreg multiplies elementwise and sums (X * w.T).sum(1) but returns shape (n,)."""


def linreg(X, w, b):
    return (X * w.reshape(1, -1)).sum(dim=1) + b
