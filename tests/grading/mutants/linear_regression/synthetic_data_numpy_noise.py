"""synthetic_data whose noise comes from NumPy: torch.manual_seed does not make it repeat.

Says (synthetic_data): drawn with NumPy
"""
import numpy as np


def synthetic_data(w, b, num_examples):
    X = torch.normal(0, 1, (num_examples, len(w)), dtype=w.dtype)
    noise = np.random.normal(0, 0.01, num_examples)  # noqa: NPY002 - the mistake
    y = X @ w + b + torch.from_numpy(noise).to(w.dtype)
    return X, y.reshape(-1, 1)
