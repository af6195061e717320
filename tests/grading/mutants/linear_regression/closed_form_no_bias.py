"""closed_form ignores the bias: it solves X w = y without the column of ones and returns b = 0."""


def closed_form(X, y):
    w = torch.linalg.lstsq(X, y.reshape(-1, 1)).solution
    return w, torch.zeros((), dtype=X.dtype)
