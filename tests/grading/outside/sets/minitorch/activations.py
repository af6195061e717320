"""MiniTorch (Cornell Tech's teaching library, MIT; minitorch/operators.py as a student completed
it): the scalar operators sigmoid (the stable two-branch form with math.exp) and relu_back,
mapped over the entries with the module's own higher-order map, and the Sigmoid
ScalarFunction's backward, sigmoid(a) * (1 - sigmoid(a)) * d_output. Python floats at the
boundary. See README.md."""
import math

import torch


def _sigmoid(x: float) -> float:  # operators.sigmoid
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def _relu_back(x: float, d: float) -> float:  # operators.relu_back
    return d * (1 if x > 0 else 0)


def _map(fn):  # operators.map
    def inner(x):
        out = []
        for i in range(len(x)):
            out.append(fn(x[i]))
        return out
    return inner


def _sigmoid_backward(a: float, d_output: float) -> float:  # scalar_functions.Sigmoid.backward
    return _sigmoid(a) * (1 - _sigmoid(a)) * d_output


def _elementwise(fn, x):
    return torch.tensor(_map(fn)(x.flatten().tolist()), dtype=x.dtype).reshape(x.shape)


def sigmoid(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source (a torch version needs torch's ops, not math.exp)")


def sigmoid_grad(x: torch.Tensor) -> torch.Tensor:
    return _elementwise(lambda a: _sigmoid_backward(a, 1.0), x)


def tanh_grad(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def relu(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def relu_grad(x: torch.Tensor) -> torch.Tensor:
    return _elementwise(lambda a: _relu_back(a, 1.0), x)


def leaky_relu(x: torch.Tensor, negative_slope: float = 0.01) -> torch.Tensor:
    raise NotImplementedError("not in the source")
