"""The two-branch sigmoid with each branch's input clamped to its side: finite everywhere, but
clamp's slope at its boundary is 0 in PyTorch, so both branches are flat at exactly x = 0.

Says (sigmoid): autograd differentiates the formula as written
"""

import torch


def sigmoid(x):
    positive = 1 / (1 + torch.exp(-x.clamp(min=0)))
    e = torch.exp(x.clamp(max=0))
    return torch.where(x >= 0, positive, e / (1 + e))
