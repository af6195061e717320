"""Deep Learning from Scratch (Saito): common/functions.py's sigmoid_grad ((1.0 - sigmoid(x)) *
sigmoid(x) with sigmoid = 1 / (1 + exp(-x))) and relu (np.maximum(0, x))."""
import torch


def _sigmoid(x):
    return 1 / (1 + torch.exp(-x))


def sigmoid(x):
    raise NotImplementedError("left out: 1 / (1 + exp(-x)) has a nan slope at -1000")


def sigmoid_grad(x):
    return (1.0 - _sigmoid(x)) * _sigmoid(x)


def tanh_grad(x):
    raise NotImplementedError("not in the source")


def relu(x):
    return torch.maximum(torch.zeros((), dtype=x.dtype), x)  # np.maximum(0, x)


def relu_grad(x):
    raise NotImplementedError("left out: grad[x >= 0] = 1 gives 1 at 0, PyTorch 0")


def leaky_relu(x, negative_slope=0.01):
    raise NotImplementedError("not in the source")
