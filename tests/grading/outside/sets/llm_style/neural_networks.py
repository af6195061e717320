"""LLM-style: validation of float64 and of the weight list, deepcopy, tqdm progress bar."""
import copy
from typing import List

import torch
from tqdm import tqdm


def _validate(inputs, outputs, weights):
    if len(weights) != 4:
        raise ValueError("weights must be [W1, b1, W2, b2]")
    for t in (inputs, outputs, *weights):
        if t.dtype != torch.float64:
            raise TypeError(f"expected float64, got {t.dtype}")


def feed_forward(inputs: torch.Tensor, outputs: torch.Tensor, weights: List[torch.Tensor]) -> torch.Tensor:
    _validate(inputs, outputs, weights)
    W1, b1, W2, b2 = weights
    hidden = 1.0 / (1.0 + torch.exp(-(inputs @ W1 + b1)))
    predictions = hidden @ W2 + b2
    return ((predictions - outputs) ** 2).mean()


def numerical_gradient(inputs, outputs, weights, eps: float = 1e-4) -> List[torch.Tensor]:
    _validate(inputs, outputs, weights)
    grads = []
    for k in tqdm(range(len(weights)), desc="numerical gradient"):
        grad = torch.zeros_like(weights[k])
        for idx in range(weights[k].numel()):
            w_plus = copy.deepcopy(weights)
            w_minus = copy.deepcopy(weights)
            w_plus[k].view(-1)[idx] += eps
            w_minus[k].view(-1)[idx] -= eps
            grad.view(-1)[idx] = (feed_forward(inputs, outputs, w_plus)
                                  - feed_forward(inputs, outputs, w_minus)) / (2 * eps)
        grads.append(grad)
    return grads


def sigmoid_grad_chain(x: torch.Tensor, y: float, W1: torch.Tensor, W2: torch.Tensor) -> torch.Tensor:
    assert x.dim() == 1 and W2.dim() == 1, "x and W2 must be vectors"
    a = 1.0 / (1.0 + torch.exp(-(x @ W1)))
    y_hat = a @ W2
    grad = -2.0 * (y - y_hat) * W2[0] * a[0] * (1.0 - a[0]) * x[0]
    print(f"dC/dw11 = {grad.item():.6f}")
    return grad
