"""leaky_relu that returns negative_slope itself for non-positive inputs, not negative_slope * x.

Says (leaky_relu): multiply them by it
"""


def leaky_relu(x, negative_slope=0.01):
    return torch.where(x > 0, x, torch.full_like(x, negative_slope))
