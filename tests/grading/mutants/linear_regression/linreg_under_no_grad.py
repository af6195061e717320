"""linreg decorated with @torch.no_grad() (a habit from evaluation code): the values are right,
but autograd records nothing, so w and b get no gradient and the model cannot learn.

Says (linreg): torch.no_grad()
"""


@torch.no_grad()
def linreg(X, w, b):
    return X @ w + b
