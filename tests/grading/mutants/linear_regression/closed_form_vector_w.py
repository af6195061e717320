"""closed_form returns w of shape (d,) instead of a column (d, 1)."""


def closed_form(X, y):
    ones = torch.ones(X.shape[0], 1, dtype=X.dtype)
    theta = torch.linalg.lstsq(torch.cat([X, ones], dim=1), y.reshape(-1, 1)).solution
    return theta[:-1, 0], theta[-1, 0]
