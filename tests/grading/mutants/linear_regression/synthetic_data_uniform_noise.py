"""synthetic_data draws its noise from a uniform distribution scaled to standard deviation
0.01 (torch.rand centred and stretched by sqrt(12)): mean and spread are right, but the model
the chapter fits assumes Gaussian noise (its loss is the Gaussian negative log-likelihood).

Says (synthetic_data): lies beyond 2 standard deviations
"""

import torch


def synthetic_data(w, b, num_examples):
    X = torch.normal(0, 1, (num_examples, len(w)), dtype=w.dtype)
    y = X @ w + b
    noise = (torch.rand(y.shape, dtype=w.dtype) - 0.5) * (12**0.5 * 0.01)
    return X, (y + noise).reshape(-1, 1)
