"""BCE with logits as torch.where(x >= 0, one formula, the other): the values are right, but
torch.where evaluates both branches, and exp(1000.) in the branch it drops makes the gradient nan.

Says (bce_with_logits): torch.where evaluates BOTH branches
"""

import torch


def bce_with_logits(logits, target):
    x, t = logits, target
    for_positive = x - x * t + torch.log1p(torch.exp(-x))
    for_negative = -x * t + torch.log1p(torch.exp(x))
    return torch.where(x >= 0, for_positive, for_negative).mean()
