"""synthetic_data calls torch.manual_seed(0) itself: every call draws the same X.

Says (synthetic_data): do not call torch.manual_seed inside
"""


def synthetic_data(w, b, num_examples):
    torch.manual_seed(0)
    X = torch.normal(0.0, 1.0, (num_examples, len(w)), dtype=w.dtype)
    y = X @ w + b + torch.normal(0.0, 0.01, (num_examples,), dtype=w.dtype)
    return X, y.reshape(-1, 1)
