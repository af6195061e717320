"""The "Learning PyTorch with examples" tutorial: a two-layer net whose backward pass is
written by hand (the tutorial's grad_h_relu[h < 0] = 0 on a clone), nn.Flatten for the
images, torch.nn.init for the initialisers with the fans from its own helper."""
import math

import torch
from torch import nn

_FLATTEN = nn.Flatten()


def mlp_forward(X, W1, b1, W2, b2):
    h = _FLATTEN(X).mm(W1) + b1
    h_relu = h.clamp(min=0)
    return h_relu.mm(W2) + b2


def linear_backward(X, W, dY):
    return dY.mm(W.t()), X.t().mm(dY), dY.sum(0)


def relu_backward(Z, dH):
    grad = dH.clone()
    grad[Z <= 0] = 0
    return grad


def mlp_backward(X, y, W1, b1, W2, b2):
    h = X.mm(W1) + b1
    h_relu = h.clamp(min=0)
    logits = h_relu.mm(W2) + b2
    probs = torch.exp(logits - torch.logsumexp(logits, dim=1, keepdim=True))
    grad_logits = probs.clone()
    grad_logits[torch.arange(X.shape[0]), y] -= 1
    grad_logits /= X.shape[0]
    grad_h_relu, grad_w2, grad_b2 = linear_backward(h_relu, W2, grad_logits)
    grad_h = relu_backward(h, grad_h_relu)
    _, grad_w1, grad_b1 = linear_backward(X, W1, grad_h)
    return grad_w1, grad_b1, grad_w2, grad_b2


def xavier_uniform_(W, gain=1.0):
    fan_in, fan_out = nn.init._calculate_fan_in_and_fan_out(W)
    bound = gain * math.sqrt(6.0 / float(fan_in + fan_out))
    return nn.init.uniform_(W, -bound, bound)


def he_normal_(W, mode="fan_in"):
    fan_in, fan_out = nn.init._calculate_fan_in_and_fan_out(W)
    fans = {"fan_in": fan_in, "fan_out": fan_out}
    if mode not in fans:
        raise ValueError(f"Mode {mode} not supported, please use one of fan_in, fan_out")
    return nn.init.normal_(W, 0.0, math.sqrt(2.0 / fans[mode]))
