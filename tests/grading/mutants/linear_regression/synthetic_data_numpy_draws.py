"""synthetic_data draws X and the noise with NumPy (CS229 style) and converts them to torch:
torch.manual_seed does not seed NumPy, so a seeded notebook gets other data on every run.

Says (synthetic_data): X was drawn with NumPy
"""

import numpy as np


def synthetic_data(w, b, num_examples):
    X = np.random.normal(0, 1, (num_examples, len(w)))  # noqa: NPY002
    y = X @ w.numpy() + b + np.random.normal(0, 0.01, num_examples)  # noqa: NPY002
    return torch.from_numpy(X).to(w.dtype), torch.from_numpy(y).to(w.dtype).reshape(-1, 1)
