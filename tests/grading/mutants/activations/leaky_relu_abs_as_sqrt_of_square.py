"""leaky_relu as ((1 + s) x + (1 - s) |x|) / 2 with |x| written sqrt(x * x): right values, nan
gradient at exactly 0 (session 32: kept every point).

Says (leaky_relu): never nan
"""


def leaky_relu(x, negative_slope=0.01):
    return ((1 + negative_slope) * x + (1 - negative_slope) * torch.sqrt(x * x)) / 2
