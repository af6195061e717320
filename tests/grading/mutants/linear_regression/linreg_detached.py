"""linreg builds a new tensor from the values, so no gradient flows back to w and b."""


def linreg(X, w, b):
    return torch.tensor((X @ w + b).tolist())
