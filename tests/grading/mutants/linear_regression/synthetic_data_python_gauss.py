"""synthetic_data draws X and the noise with Python's random.gauss, one number at a time:
torch.manual_seed does not seed the random module, so a seeded notebook gets other data.

Says (synthetic_data): X was drawn with Python's random.gauss
"""

import random as _random


def synthetic_data(w, b, num_examples):
    X = torch.tensor([[_random.gauss(0, 1) for _ in range(len(w))] for _ in range(num_examples)],
                     dtype=w.dtype)
    noise = torch.tensor([_random.gauss(0, 0.01) for _ in range(num_examples)], dtype=w.dtype)
    return X, (X @ w + b + noise).reshape(-1, 1)
