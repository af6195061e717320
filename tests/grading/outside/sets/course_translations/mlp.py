"""Berkeley/NYU-style hand backprop computed in float64, lists for the gradient triple,
init through W.data = ... and torch.nn.init's fan helper."""
import math

import torch


def mlp_forward(X, W1, b1, W2, b2):
    H = torch.relu(X.view(-1, W1.shape[0]) @ W1 + b1)
    return H @ W2 + b2


def linear_backward(X, W, dY):
    return [dY @ W.T, X.T @ dY, dY.sum(0)]


def relu_backward(Z, dH):
    return torch.where(Z > 0, dH, torch.zeros_like(dH))


def mlp_backward(X, y, W1, b1, W2, b2):
    X, W1, b1, W2, b2 = (t.double() for t in (X, W1, b1, W2, b2))
    n = X.shape[0]
    Z = X @ W1 + b1
    H = Z.clamp(min=0)
    O = H @ W2 + b2
    P = torch.exp(O - torch.logsumexp(O, dim=1, keepdim=True))
    dO = (P - torch.nn.functional.one_hot(y, O.shape[1]).double()) / n
    dZ = (dO @ W2.T) * (Z > 0)
    return X.T @ dZ, dZ.sum(0), H.T @ dO, dO.sum(0)


def xavier_uniform_(W, gain=1.0):
    fan_out, fan_in = W.shape
    a = gain * math.sqrt(6 / (fan_in + fan_out))
    W.data = torch.rand(W.shape, dtype=W.dtype) * 2 * a - a
    return W


def he_normal_(W, mode="fan_in"):
    fans = dict(zip(("fan_in", "fan_out"), torch.nn.init._calculate_fan_in_and_fan_out(W)))
    if mode not in fans:
        raise ValueError(f"mode should be 'fan_in' or 'fan_out', got {mode!r}")
    with torch.no_grad():
        return W.normal_(0.0, math.sqrt(2.0 / fans[mode]))
