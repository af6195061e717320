"""The 2-3-1 network with torch's own sigmoid and MSE, and finite differences by explicit loops.

Idioms: ``torch.sigmoid`` and ``F.mse_loss`` in the forward pass (the exercise only asks for
the loss); ``numerical_gradient`` nudges each entry in place, indexed with
``itertools.product``, and writes back the saved value; the chain rule returns a Python float.
"""

import itertools

import torch
import torch.nn.functional as F


def feed_forward(inputs: torch.Tensor, outputs: torch.Tensor, weights: list) -> torch.Tensor:
    W1, b1, W2, b2 = weights
    hidden = torch.sigmoid(inputs @ W1 + b1)
    predictions = hidden @ W2 + b2
    return F.mse_loss(predictions, outputs)


def numerical_gradient(
    inputs: torch.Tensor, outputs: torch.Tensor, weights: list, eps: float = 1e-4
) -> list:
    grads = []
    for w in weights:
        g = torch.zeros_like(w)
        for idx in itertools.product(*(range(s) for s in w.shape)):
            old = w[idx].clone()
            with torch.no_grad():
                w[idx] = old + eps
                loss_plus = feed_forward(inputs, outputs, weights)
                w[idx] = old - eps
                loss_minus = feed_forward(inputs, outputs, weights)
                w[idx] = old
            g[idx] = (loss_plus - loss_minus) / (2 * eps)
        grads.append(g)
    return grads


def sigmoid_grad_chain(
    x: torch.Tensor, y: float, W1: torch.Tensor, W2: torch.Tensor
) -> torch.Tensor:
    # The chain rule, one factor per link: dC/dy_hat, dy_hat/da11, da11/dz11, dz11/dw11.
    z = x @ W1
    a = torch.sigmoid(z)
    dC_dyhat = 2 * (torch.dot(a, W2.reshape(-1)) - y)
    dyhat_da = W2.reshape(-1)[0]
    da_dz = torch.sigmoid(z[0]) * (1 - torch.sigmoid(z[0]))
    return float(dC_dyhat * dyhat_da * da_dz * x[0])
