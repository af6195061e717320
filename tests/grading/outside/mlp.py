"""A one-hidden-layer MLP, forward with ``torch.nn.functional``, backward by hand.

Idioms: d2l's ``X.reshape((-1, num_inputs))`` and ``F.relu`` in the forward pass;
``torch.einsum`` and ``.T`` products in the backward pass; the ReLU mask multiplied in as a bool
tensor; ``torch.softmax`` minus a one-hot made by ``index_put``; ``torch.rand_like`` scaled
for Xavier; ``torch.nn.init.kaiming_normal_`` for He after checking the mode.
"""

import math

import torch
import torch.nn.functional as F


def mlp_forward(X, W1, b1, W2, b2):
    X = X.reshape((-1, W1.shape[0]))
    H = F.relu(X @ W1 + b1)
    return H @ W2 + b2


def linear_backward(X, W, dY):
    dX = torch.einsum("nm,dm->nd", dY, W)
    dW = torch.einsum("nd,nm->dm", X, dY)
    db = dY.sum(dim=0)
    return dX, dW, db


def relu_backward(Z, dH):
    return dH * (Z > 0)


def mlp_backward(X, y, W1, b1, W2, b2):
    n = X.shape[0]
    Z = X @ W1 + b1
    H = torch.clamp(Z, min=0)
    O = H @ W2 + b2
    # softmax(O) - one_hot(y): subtract 1 at each row's label.
    minus_one = torch.tensor(-1.0, dtype=O.dtype)
    dO = torch.softmax(O, dim=1).index_put((torch.arange(n), y), minus_one, accumulate=True) / n
    dW2 = H.T @ dO
    db2 = dO.sum(0)
    dZ = (dO @ W2.T) * (Z > 0)
    dW1 = X.T @ dZ
    db1 = dZ.sum(0)
    return dW1, db1, dW2, db2


def xavier_uniform_(W, gain=1.0):
    fan_out, fan_in = W.shape
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
    with torch.no_grad():
        W.copy_((2 * torch.rand_like(W) - 1) * bound)
    return W


def he_normal_(W, mode="fan_in"):
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"mode must be 'fan_in' or 'fan_out', not {mode!r}")
    return torch.nn.init.kaiming_normal_(W, mode=mode, nonlinearity="relu")
