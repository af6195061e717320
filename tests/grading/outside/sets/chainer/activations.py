"""Chainer chainer/functions/activation/: sigmoid.py (half = x.dtype.type(0.5); y = numpy.tanh(x *
half) * half + half), leaky_relu.py (y = x.copy(); y[x < 0] *= slope), tanh.py and sigmoid.py
backward (gy * (1 - y * y); gy * y * (1 - y)), relu.py (numpy.maximum(x, 0, dtype=x.dtype);
backward gy * (y > 0)). Ported to torch."""
import torch


def sigmoid(x):
    half = 0.5
    return torch.tanh(x * half) * half + half


def sigmoid_grad(x):
    y = sigmoid(x)
    gy = torch.ones_like(x)
    return gy * y * (1 - y)


def tanh_grad(x):
    y = torch.tanh(x)
    gy = torch.ones_like(x)
    return gy * (1 - y * y)


def relu(x):
    return torch.maximum(x, torch.zeros((), dtype=x.dtype))


def relu_grad(x):
    y = relu(x)
    gy = torch.ones_like(x)
    return gy * (y > 0)


def leaky_relu(x, negative_slope=0.01):
    y = x.clone()
    y[x < 0] *= negative_slope
    return y
