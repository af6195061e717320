"""leaky_relu multiplying by torch.tensor(negative_slope), a float32 tensor: on float64 inputs the
negative entries are off in the 8th digit (0.1 becomes 0.10000000149). It lost its points with
only the difference shown (session 35); the message now names the float32 slope.

Says (leaky_relu): rounded to float32
"""


def leaky_relu(x, negative_slope=0.01):
    return torch.where(x > 0, x, torch.tensor(negative_slope) * x)
