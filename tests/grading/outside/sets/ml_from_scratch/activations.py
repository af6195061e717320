"""ML-From-Scratch (eriklindernoren, MIT), mlfromscratch/deep_learning/activation_functions.py:
Sigmoid.function / .gradient, TanH (2 / (1 + exp(-2x)) - 1, its own tanh), ReLU and LeakyReLU
(np.where(x >= 0, x, alpha * x)), NumPy translated to torch; see README.md."""
import torch


def _sigmoid_function(x):  # Sigmoid.function
    return 1 / (1 + torch.exp(-x))


def sigmoid(x):
    raise NotImplementedError('left out: 1 / (1 + exp(-x)), a nan gradient at x = -1000 (deserved, message teaches)')


def sigmoid_grad(x):  # Sigmoid.gradient
    return _sigmoid_function(x) * (1 - _sigmoid_function(x))


def _tanh(x):
    return 2 / (1 + torch.exp(-2 * x)) - 1


def tanh_grad(x):
    return 1 - torch.pow(_tanh(x), 2)


def relu(x):
    return torch.where(x >= 0, x, 0)


def relu_grad(x):
    raise NotImplementedError('left out: np.where(x >= 0, 1, 0) is int64 and 1 at x = 0 (deserved)')


def leaky_relu(x, negative_slope=0.01):
    return torch.where(x >= 0, x, negative_slope * x)
