"""sigmoid of a single number through math.exp: the value is right, but no gradient flows.

Says (sigmoid): math.exp
"""
import math


def sigmoid(x):
    if x.dim() == 0:
        return torch.tensor(1 / (1 + math.exp(-float(x))), dtype=x.dtype)
    return torch.where(x >= 0, 1 / (1 + torch.exp(-x)), torch.exp(x) / (1 + torch.exp(x)))
