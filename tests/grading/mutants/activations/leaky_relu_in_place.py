"""leaky_relu that scales the negative entries of its input in place."""


def leaky_relu(x, negative_slope=0.01):
    x[x < 0] *= negative_slope
    return x
