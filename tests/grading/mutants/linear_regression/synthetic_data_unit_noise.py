"""synthetic_data draws the noise from N(0, 1) (torch.randn without the factor 0.01).

Says (synthetic_data): standard deviation 0.01
"""


def synthetic_data(w, b, num_examples):
    X = torch.randn(num_examples, len(w), dtype=w.dtype)
    y = X @ w + b + torch.randn(num_examples, dtype=w.dtype)
    return X, y.reshape(-1, 1)
