"""synthetic_data draws 100 examples and tiles them to n: X's mean, spread and tails are
normal and y follows the model, but the rows repeat (a red team's, session 30: 5/5).

Says (synthetic_data): different examples among its
"""

import torch


def synthetic_data(w, b, num_examples):
    distinct = torch.normal(0.0, 1.0, (min(num_examples, 100), len(w)), dtype=w.dtype)
    X = distinct.repeat(-(-num_examples // distinct.shape[0]), 1)[:num_examples]
    y = X @ w + b + torch.normal(0.0, 0.01, (num_examples,), dtype=w.dtype)
    return X, y.reshape(-1, 1)
