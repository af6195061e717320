"""leaky_relu as clamp(x, min=0) + negative_slope * x: the slope term also scales positive inputs.

Says (leaky_relu): added on both sides
"""

import torch


def leaky_relu(x, negative_slope=0.01):
    return torch.clamp(x, min=0) + negative_slope * x
