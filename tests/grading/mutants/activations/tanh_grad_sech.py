"""tanh_grad as sech(x) = 1 / cosh(x), forgetting the square of sech(x)**2.

Says (tanh_grad): its square
"""

import torch


def tanh_grad(x):
    return 1 / torch.cosh(x)
