"""synthetic_data draws noise with standard deviation 0.1 (variance 0.01) instead of 0.01."""


def synthetic_data(w, b, num_examples):
    X = torch.normal(0.0, 1.0, (num_examples, len(w)), dtype=w.dtype)
    y = X @ w + b
    y = y + torch.normal(0.0, 0.1, y.shape, dtype=w.dtype)
    return X, y.reshape(-1, 1)
