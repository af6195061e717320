"""Entropy summed over the first dimension instead of the last."""

import torch


def entropy(p):
    return -torch.xlogy(p, p).sum(dim=0)
