"""'Deep learning from scratch' translated to torch: nudges in place with the old value saved
as a number (.item()), F.linear and F.mse_loss, a chain rule through einsum and dot."""
import itertools

import torch
import torch.nn.functional as F


def feed_forward(inputs, outputs, weights):
    W1, b1, W2, b2 = weights
    h = F.linear(inputs, W1.T, b1).sigmoid()
    return F.mse_loss(h @ W2 + b2, outputs)


def numerical_gradient(inputs, outputs, weights, eps=1e-4):
    grads = []
    for x in weights:
        grad = torch.zeros_like(x)
        for idx in itertools.product(*map(range, x.shape)):
            tmp_val = x[idx].item()
            x[idx] = tmp_val + eps
            fxh1 = feed_forward(inputs, outputs, weights)
            x[idx] = tmp_val - eps
            fxh2 = feed_forward(inputs, outputs, weights)
            grad[idx] = (fxh1 - fxh2) / (2 * eps)
            x[idx] = tmp_val
        grads.append(grad)
    return tuple(grads)


def sigmoid_grad_chain(x, y, W1, W2):
    a = 1 / (1 + torch.exp(-torch.einsum("i,ij->j", x, W1)))
    err = torch.as_tensor(y, dtype=x.dtype) - torch.dot(a, W2)
    return -2 * err * W2[0] * a[0] * (1 - a[0]) * x[0]
