"""synthetic_data that squeezes w before the product: right for several features, but a w of
one feature becomes 0-d and X @ w fails.

Says (synthetic_data): d = 1 (one feature) included
"""


def synthetic_data(w, b, num_examples):
    X = torch.normal(0.0, 1.0, (num_examples, len(w)), dtype=w.dtype)
    y = X @ w.squeeze() + b
    y = y + torch.normal(0.0, 0.01, y.shape, dtype=w.dtype)
    return X, y.reshape(-1, 1)
