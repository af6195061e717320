"""synthetic_data forgets to add the bias b."""


def synthetic_data(w, b, num_examples):
    X = torch.normal(0.0, 1.0, (num_examples, len(w)), dtype=w.dtype)
    y = X @ w
    y = y + torch.normal(0.0, 0.01, y.shape, dtype=w.dtype)
    return X, y.reshape(-1, 1)
