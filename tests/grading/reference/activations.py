"""Reference answers for exercises/activations.py."""

import torch


def sigmoid(x: torch.Tensor) -> torch.Tensor:
    """1 / (1 + exp(-x)), stable in value and in gradient for any finite x.

    exp is only ever taken of a non-positive number: 1 / (1 + exp(-x)) for x >= 0 and the equal
    exp(x) / (1 + exp(x)) for x < 0. Each branch sees only the inputs of its own side (0
    elsewhere), so the branch torch.where discards stays finite and cannot send nan into the
    gradient.
    """
    is_pos = x >= 0
    zero = torch.zeros_like(x)
    # Not x.clamp(...): its gradient at the boundary x = 0 is 0 in PyTorch, where we need 1.
    pos = 1 / (1 + torch.exp(-torch.where(is_pos, x, zero)))
    e = torch.exp(torch.where(is_pos, zero, x))
    return torch.where(is_pos, pos, e / (1 + e))


def sigmoid_grad(x: torch.Tensor) -> torch.Tensor:
    """sigmoid(x) * (1 - sigmoid(x))."""
    s = sigmoid(x)
    return s * (1 - s)


def tanh_grad(x: torch.Tensor) -> torch.Tensor:
    """1 - tanh(x)^2."""
    return 1 - torch.tanh(x) ** 2


def relu(x: torch.Tensor) -> torch.Tensor:
    """max(x, 0) in a new tensor."""
    return torch.clamp(x, min=0)


def relu_grad(x: torch.Tensor) -> torch.Tensor:
    """1 where x > 0, else 0 (PyTorch's choice at 0), in the dtype of x."""
    return (x > 0).to(x.dtype)


def leaky_relu(x: torch.Tensor, negative_slope: float = 0.01) -> torch.Tensor:
    """x where x > 0, negative_slope * x elsewhere."""
    return torch.where(x > 0, x, negative_slope * x)
