"""Keras 3 (keras-team/keras, Apache-2.0), keras/src/backend/numpy/nn.py: relu
(np.maximum(x, 0.0)), leaky_relu (np.maximum(x, slope * x)). See README.md."""
import torch


def sigmoid(x):
    raise NotImplementedError('left out: 1 / (1 + np.exp(-x)), a nan gradient at -1000 (deserved)')


def sigmoid_grad(x):
    raise NotImplementedError("not in the source")


def tanh_grad(x):
    raise NotImplementedError("not in the source")


def relu(x):
    return torch.maximum(x, torch.tensor(0.0, dtype=x.dtype))


def relu_grad(x):
    raise NotImplementedError("not in the source")


def leaky_relu(x, negative_slope=0.01):
    return torch.maximum(x, torch.tensor(negative_slope, dtype=x.dtype) * x)
