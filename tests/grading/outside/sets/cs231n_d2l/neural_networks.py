"""Sigmoid by hand, CS231n numerical gradient with flat views and .item() restore."""
import torch


def _sigmoid(z):
    return 1 / (1 + torch.exp(-z))


def feed_forward(inputs, outputs, weights):
    W1, b1, W2, b2 = weights
    hidden = _sigmoid(inputs @ W1 + b1)
    predictions = hidden @ W2 + b2
    return ((predictions - outputs) ** 2).mean()


def numerical_gradient(inputs, outputs, weights, eps=1e-4):
    grads = []
    for w in weights:
        grad = torch.zeros_like(w)
        flat, gflat = w.view(-1), grad.view(-1)
        for i in range(flat.numel()):
            old = flat[i].item()
            flat[i] = old + eps
            fxph = feed_forward(inputs, outputs, weights).item()
            flat[i] = old - eps
            fxmh = feed_forward(inputs, outputs, weights).item()
            flat[i] = old
            gflat[i] = (fxph - fxmh) / (2 * eps)
        grads.append(grad)
    return grads


def sigmoid_grad_chain(x, y, W1, W2):
    a = _sigmoid(x @ W1)
    y_hat = a @ W2
    return -2 * (y - y_hat) * W2[0] * a[0] * (1 - a[0]) * x[0]
