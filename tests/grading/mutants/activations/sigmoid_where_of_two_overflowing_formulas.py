"""The "numerically stable" sigmoid of many tutorials: torch.where picks 1 / (1 + exp(-x)) or
exp(x) / (1 + exp(x)) by the sign of x, but computes both on every x; the discarded one
overflows, and its gradient (0 * inf) is nan for |x| beyond about 89 in float32.

Says (sigmoid): picking between two formulas that are each computed on every x
"""

import torch


def sigmoid(x):
    return torch.where(x >= 0, 1 / (1 + torch.exp(-x)), torch.exp(x) / (1 + torch.exp(x)))
