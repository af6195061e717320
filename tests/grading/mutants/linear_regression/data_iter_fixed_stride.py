"""data_iter walks the examples with a fixed step (7, coprime to n) from a random start: every
example once, batches of the right sizes, a new order per seed, no neighbours side by side,
yet not a random permutation (a red team's, session 30: 8/8).

Says (data_iter): walks the examples with a fixed step
"""

import math
import random

import torch


def data_iter(batch_size, features, labels):
    n = len(features)
    step = next((k for k in range(7, n) if math.gcd(k, n) == 1), 1)
    start = random.randrange(n) if n else 0
    order = [(start + step * i) % n for i in range(n)]
    for i in range(0, n, batch_size):
        batch = torch.tensor(order[i : i + batch_size])
        yield features[batch], labels[batch]
