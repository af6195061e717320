"""leaky_relu that always uses 0.01, ignoring the negative_slope argument."""

import torch


def leaky_relu(x, negative_slope=0.01):
    return torch.where(x > 0, x, 0.01 * x)
