"""CS231n/SO idioms: stable sigmoid via torch.where on the sign, relu as x * mask."""
import torch


def sigmoid(x):
    # stable: exp of a non-positive number only (-|x|, its sign picked with the branch)
    pos = x >= 0
    e = torch.exp(torch.where(pos, -x, x))
    return torch.where(pos, 1 / (1 + e), e / (1 + e))


def sigmoid_grad(x):
    s = sigmoid(x)
    return s - s ** 2


def tanh_grad(x):
    return 1 - x.tanh().pow(2)


def relu(x):
    return x * (x > 0)


def relu_grad(x):
    return (x > 0).type_as(x)


def leaky_relu(x, negative_slope=0.01):
    return torch.where(x > 0, x, x * negative_slope)
