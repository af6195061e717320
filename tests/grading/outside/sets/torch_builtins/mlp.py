"""Karpathy makemore manual backprop (F.softmax, dlogits[range(n), Yb] -= 1), nn.init."""
import math

import torch
import torch.nn.functional as F


def mlp_forward(X, W1, b1, W2, b2):
    X = torch.flatten(X, start_dim=1)
    return torch.relu(X @ W1 + b1) @ W2 + b2


def linear_backward(X, W, dY):
    return torch.mm(dY, W.t()), torch.mm(X.t(), dY), torch.sum(dY, 0)


def relu_backward(Z, dH):
    return torch.where(Z > 0, dH, 0.0)


def mlp_backward(X, y, W1, b1, W2, b2):
    n = X.shape[0]
    hpreact = X @ W1 + b1
    h = F.relu(hpreact)
    logits = h @ W2 + b2
    dlogits = F.softmax(logits, 1)
    dlogits[range(n), y] -= 1
    dlogits /= n
    dh = dlogits @ W2.T
    dW2 = h.T @ dlogits
    db2 = dlogits.sum(0)
    dhpreact = (hpreact > 0).float() * dh
    dW1 = X.T @ dhpreact
    db1 = dhpreact.sum(0)
    return dW1, db1, dW2, db2


def xavier_uniform_(W, gain=1.0):
    return torch.nn.init.xavier_uniform_(W, gain=gain)


def he_normal_(W, mode="fan_in"):
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(mode)
    rf = math.prod(W.shape[2:])
    fan = (W.shape[1] if mode == "fan_in" else W.shape[0]) * rf
    return torch.nn.init.normal_(W, mean=0.0, std=math.sqrt(2.0 / fan))
