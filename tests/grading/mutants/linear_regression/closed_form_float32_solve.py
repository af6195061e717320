"""closed_form solves in float32 whatever X's dtype and casts the result back: float64 data get
only float32's 7 digits (a red team's, session 31: 5/5 under the old 1e-3 tolerance).

Says (closed_form): ran in float32 arithmetic
"""


def closed_form(X, y):
    Xf = X.float()
    X1 = torch.cat([Xf, torch.ones(Xf.shape[0], 1)], dim=1)
    theta = torch.linalg.lstsq(X1, y.float().reshape(-1, 1)).solution.to(X.dtype)
    return theta[:-1], theta[-1, 0]
