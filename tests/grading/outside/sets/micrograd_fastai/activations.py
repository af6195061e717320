"""micrograd-ish: each activation a tiny class with __call__ and grad; module-level instances."""
import torch


class Sigmoid:
    def __call__(self, x):
        e = torch.exp(torch.where(x < 0, x, -x))  # -|x|, never above 1; slope -1 at 0, not 0
        return torch.where(x < 0, e / (1 + e), 1 / (1 + e))

    def grad(self, x):
        s = self(x)
        return s * (1 - s)


class Tanh:
    def grad(self, x):
        return 1 - torch.tanh(x) ** 2


class LeakyReLU:
    def __init__(self, slope=0.0):
        self.slope = slope

    def __call__(self, x):
        return x.clamp(min=0) + self.slope * x.clamp(max=0)

    def grad(self, x):
        return (x > 0).type(x.dtype)


sigmoid = Sigmoid()
sigmoid_grad = sigmoid.grad
tanh_grad = Tanh().grad
relu = LeakyReLU()
relu_grad = relu.grad


def leaky_relu(x, negative_slope=0.01):
    return LeakyReLU(negative_slope)(x)
