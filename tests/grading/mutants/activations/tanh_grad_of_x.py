"""tanh_grad as 1 - x**2: squares x instead of tanh(x)."""


def tanh_grad(x):
    return 1 - x**2
