"""CS231n's layer functions in torch (dout, reshape to rows, scores shifted by their max),
addmm, masked_fill, init on .data and nn.init's fan helper."""
import math

import torch


def mlp_forward(X, W1, b1, W2, b2):
    x = X.reshape(X.shape[0], -1)
    hidden = torch.addmm(b1, x, W1).relu()
    return torch.addmm(b2, hidden, W2)


def linear_backward(X, W, dY):
    N = X.shape[0]
    dx = dY.mm(W.t()).reshape(X.shape)
    dw = X.reshape(N, -1).t().mm(dY)
    db = dY.sum(dim=0)
    return dx, dw, db


def relu_backward(Z, dH):
    return dH.masked_fill(Z <= 0, 0)


def mlp_backward(X, y, W1, b1, W2, b2):
    N = X.shape[0]
    h_pre = X.mm(W1) + b1
    h = h_pre.clamp(min=0)
    scores = h.mm(W2) + b2
    shifted = scores - scores.max(dim=1, keepdim=True).values
    probs = shifted.exp()
    probs = probs / probs.sum(dim=1, keepdim=True)
    dscores = probs.clone()
    dscores[torch.arange(N), y] -= 1
    dscores /= N
    dW2 = h.t().mm(dscores)
    db2 = dscores.sum(0)
    dh = dscores.mm(W2.t())
    dh[h_pre <= 0] = 0
    dW1 = X.t().mm(dh)
    db1 = dh.sum(0)
    return dW1, db1, dW2, db2


def xavier_uniform_(W, gain=1.0):
    fan_out, fan_in = W.size()
    a = gain * math.sqrt(6.0 / (fan_in + fan_out))
    W.data.uniform_(-a, a)
    return W


def he_normal_(W, mode="fan_in"):
    fan_in, fan_out = torch.nn.init._calculate_fan_in_and_fan_out(W)
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"mode must be 'fan_in' or 'fan_out', not {mode!r}")
    fan = fan_in if mode == "fan_in" else fan_out
    with torch.no_grad():
        return W.normal_(0, math.sqrt(2.0 / fan))
