"""Reference answers for exercises/mlp.py."""

import math

import torch


def mlp_forward(X, W1, b1, W2, b2):
    """relu(X W1 + b1) W2 + b2 with X flattened to (n, d)."""
    X = X.reshape(X.shape[0], -1)
    return torch.relu(X @ W1 + b1) @ W2 + b2


def linear_backward(X, W, dY):
    """(dY W^T, X^T dY, column sums of dY)."""
    return dY @ W.T, X.T @ dY, dY.sum(dim=0)


def relu_backward(Z, dH):
    """dH where Z > 0, else 0."""
    return dH * (Z > 0).to(dH.dtype)


def mlp_backward(X, y, W1, b1, W2, b2):
    """Gradients of the mean cross-entropy of the one-hidden-layer MLP, by hand."""
    Z = X @ W1 + b1
    H = torch.relu(Z)
    O = H @ W2 + b2
    Y = torch.nn.functional.one_hot(y, O.shape[1]).to(O.dtype)
    dO = (torch.softmax(O, dim=1) - Y) / X.shape[0]
    dH, dW2, db2 = linear_backward(H, W2, dO)
    _, dW1, db1 = linear_backward(X, W1, relu_backward(Z, dH))
    return dW1, db1, dW2, db2


def xavier_uniform_(W, gain=1.0):
    """U(-a, a), a = gain sqrt(6 / (fan_in + fan_out)), in place."""
    fan_out, fan_in = W.shape
    bound = gain * math.sqrt(6 / (fan_in + fan_out))
    with torch.no_grad():
        return W.uniform_(-bound, bound)


def he_normal_(W, mode="fan_in"):
    """N(0, 2 / fan) in place; the fans include the receptive field."""
    receptive = math.prod(W.shape[2:])
    fans = {"fan_in": W.shape[1] * receptive, "fan_out": W.shape[0] * receptive}
    if mode not in fans:
        raise ValueError(f"mode must be 'fan_in' or 'fan_out', got {mode!r}")
    with torch.no_grad():
        return W.normal_(0.0, math.sqrt(2 / fans[mode]))
