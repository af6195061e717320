"""synthetic_data that restarts torch's generator from the caller's last seed on every call
(torch.manual_seed(torch.initial_seed())): the same seed still gives the same data, another seed
other data, but two calls in a row return the same dataset.

Says (synthetic_data): two calls in a row
"""


def synthetic_data(w, b, num_examples):
    torch.manual_seed(torch.initial_seed())
    X = torch.normal(0.0, 1.0, (num_examples, len(w)), dtype=w.dtype)
    y = X @ w + b
    y = y + torch.normal(0.0, 0.01, y.shape, dtype=w.dtype)
    return X, y.reshape(-1, 1)
