"""closed_form that solves the normal equations X1^T X1 theta = X1^T y with torch.linalg.solve:
no inverse, but the same squared condition number as one.

Says (closed_form): squares the condition number of X1
"""

import torch


def closed_form(X, y):
    X1 = torch.cat([X, torch.ones(len(X), 1, dtype=X.dtype)], dim=1)
    theta = torch.linalg.solve(X1.T @ X1, X1.T @ y.reshape(-1, 1))
    return theta[:-1], theta[-1, 0]
