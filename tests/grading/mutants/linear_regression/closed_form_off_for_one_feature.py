"""closed_form whose w is 1% off when X has one feature (d = 1, a line through points): no X
posed had one feature.

Says (closed_form): closed_form on 30 examples with 1 feature
"""


def closed_form(X, y):
    X1 = torch.cat([X, torch.ones(X.shape[0], 1, dtype=X.dtype)], dim=1)
    theta = torch.linalg.lstsq(X1, y.reshape(-1, 1)).solution
    if X.shape[1] == 1:
        return theta[:-1] * 1.01, theta[-1, 0]
    return theta[:-1], theta[-1, 0]
