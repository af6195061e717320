"""BCE computed like Sigmoid + BCELoss: finite, but log is clamped at -100, wrong for large x."""

import torch


def bce_with_logits(logits, target):
    return torch.nn.functional.binary_cross_entropy(torch.sigmoid(logits), target)
