"""leaky_relu multiplies negative inputs by -negative_slope: they come out positive.

Says (leaky_relu): Negative inputs came out positive
"""

import torch


def leaky_relu(x, negative_slope=0.01):
    return torch.where(x > 0, x, -negative_slope * x)
