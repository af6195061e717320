"""closed_form puts the column of ones first but reads the bias from theta's last entry.

Says (closed_form): one place off
"""


def closed_form(X, y):
    X1 = torch.cat([torch.ones(X.shape[0], 1, dtype=X.dtype), X], dim=1)
    theta = torch.linalg.lstsq(X1, y.reshape(-1, 1).to(X.dtype)).solution
    return theta[:-1], theta[-1, 0]
