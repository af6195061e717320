"""leaky_relu with the slope on the positive side: positive inputs scaled, negatives kept."""

import torch


def leaky_relu(x, negative_slope=0.01):
    return torch.where(x > 0, negative_slope * x, x)
