"""Clamp-to-avoid-overflow (Stack Overflow), max with slope, where with python scalars."""
import torch


def sigmoid(x):
    return 1.0 / (1.0 + torch.exp(-torch.clamp(x, -80.0, 80.0)))


def sigmoid_grad(x):
    s = 1.0 / (1.0 + torch.exp(-x))
    return s * (1.0 - s)


def tanh_grad(x):
    t = torch.tanh(x)
    return 1 - t * t


def relu(x):
    return torch.where(x > 0, x, 0.0)


def relu_grad(x):
    return torch.where(x > 0, torch.ones_like(x), torch.zeros_like(x))


def leaky_relu(x, negative_slope=0.01):
    return torch.max(x, negative_slope * x)
