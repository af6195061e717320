"""tanh_grad as (1 - tanh(x)) ** 2: the square on the difference, not on tanh.

Says (tanh_grad): You squared (1 - tanh(x))
"""


def tanh_grad(x):
    return (1 - torch.tanh(x)) ** 2
