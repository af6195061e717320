"""Reference answers for exercises/neural_networks.py."""

import itertools

import torch


def feed_forward(inputs: torch.Tensor, outputs: torch.Tensor, weights: list) -> torch.Tensor:
    """Mean squared error of the sigmoid network [W1 (d, h), b1 (h,), W2 (h, 1), b2 (1,)]."""
    W1, b1, W2, b2 = weights
    hidden = torch.sigmoid(inputs @ W1 + b1)
    predictions = hidden @ W2 + b2
    return ((predictions - outputs) ** 2).mean()


def numerical_gradient(
    inputs: torch.Tensor, outputs: torch.Tensor, weights: list, eps: float = 1e-4
) -> list:
    """Central-difference gradient of feed_forward, one tensor per weight tensor."""
    grads = []
    for k, param in enumerate(weights):
        grad = torch.zeros_like(param)
        for index in itertools.product(*(range(size) for size in param.shape)):
            plus = [w.clone() for w in weights]
            minus = [w.clone() for w in weights]
            plus[k][index] += eps
            minus[k][index] -= eps
            diff = feed_forward(inputs, outputs, plus) - feed_forward(inputs, outputs, minus)
            grad[index] = diff / (2 * eps)
        grads.append(grad)
    return grads


def sigmoid_grad_chain(
    x: torch.Tensor, y: float, W1: torch.Tensor, W2: torch.Tensor
) -> torch.Tensor:
    """dC/dw11 = -2 (y - y_hat) w31 a11 (1 - a11) x1 for the bias-free network."""
    a = torch.sigmoid(x @ W1)
    y_hat = a @ W2
    return -2 * (y - y_hat) * W2[0] * a[0] * (1 - a[0]) * x[0]
