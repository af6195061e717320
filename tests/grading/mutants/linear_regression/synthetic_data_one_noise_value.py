"""synthetic_data draws a single noise value and adds it to every example.

Says (synthetic_data): every example got the same noise
"""


def synthetic_data(w, b, num_examples):
    X = torch.normal(0.0, 1.0, (num_examples, len(w)), dtype=w.dtype)
    y = X @ w + b + torch.normal(0.0, 0.01, (1,), dtype=w.dtype)
    return X, y.reshape(-1, 1)
