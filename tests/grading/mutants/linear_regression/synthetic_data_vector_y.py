"""synthetic_data returns y of shape (n,) instead of a column (n, 1)."""


def synthetic_data(w, b, num_examples):
    X = torch.normal(0.0, 1.0, (num_examples, len(w)), dtype=w.dtype)
    y = X @ w + b
    return X, y + torch.normal(0.0, 0.01, y.shape, dtype=w.dtype)
