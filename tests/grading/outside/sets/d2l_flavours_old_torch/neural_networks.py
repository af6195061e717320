"""JAX-style pure functions: unpacked weights, torch.special.expit, a nudged copy built with
`w + e` (a one-hot step), a chain rule in Python floats."""
import math

import torch


def feed_forward(inputs, outputs, weights):
    W1, b1, W2, b2 = weights
    hidden = torch.special.expit(inputs @ W1 + b1)
    predictions = hidden @ W2 + b2
    return torch.mean(torch.square(predictions - outputs))


def numerical_gradient(inputs, outputs, weights, eps=1e-4):
    grads = []
    for k, w in enumerate(weights):
        g = torch.zeros_like(w)
        flat = g.view(-1)
        for i in range(w.numel()):
            e = torch.zeros(w.numel(), dtype=w.dtype)
            e[i] = eps
            e = e.view_as(w)
            plus = [v + e if j == k else v for j, v in enumerate(weights)]
            minus = [v - e if j == k else v for j, v in enumerate(weights)]
            diff = feed_forward(inputs, outputs, plus) - feed_forward(inputs, outputs, minus)
            flat[i] = diff / (2 * eps)
        grads.append(g)
    return grads


def sigmoid_grad_chain(x, y, W1, W2):
    z = [float(v) for v in x @ W1]
    a = [1 / (1 + math.exp(-v)) for v in z]
    y_hat = math.fsum(ai * float(wi) for ai, wi in zip(a, W2))
    return -2 * (y - y_hat) * float(W2[0]) * a[0] * (1 - a[0]) * float(x[0])
