"""A ReLU autograd.Function used by the forward pass; mlp_backward reuses that forward pass
and then applies the chain rule by hand."""
import math

import torch


class ReLU(torch.autograd.Function):
    @staticmethod
    def forward(ctx, Z):
        ctx.save_for_backward(Z)
        return Z.clamp(min=0)

    @staticmethod
    def backward(ctx, dH):
        (Z,) = ctx.saved_tensors
        return relu_backward(Z, dH)


def _forward(X, W1, b1, W2, b2):
    Z = X @ W1 + b1
    H = ReLU.apply(Z)
    return Z, H, H @ W2 + b2


def mlp_forward(X, W1, b1, W2, b2):
    return _forward(X.reshape(X.shape[0], -1), W1, b1, W2, b2)[2]


def linear_backward(X, W, dY):
    return dY @ W.T, X.T @ dY, dY.sum(0)


def relu_backward(Z, dH):
    return dH * (Z > 0)


def mlp_backward(X, y, W1, b1, W2, b2):
    n = X.shape[0]
    Z, H, O = _forward(X, W1, b1, W2, b2)
    P = torch.exp(O - O.max(1, keepdim=True).values)
    P = P / P.sum(1, keepdim=True)
    P[torch.arange(n), y] -= 1
    dH, dW2, db2 = linear_backward(H, W2, P / n)
    _, dW1, db1 = linear_backward(X, W1, relu_backward(Z, dH))
    return dW1, db1, dW2, db2


def xavier_uniform_(W, gain=1.0):
    a = gain * math.sqrt(6 / sum(W.shape))
    with torch.no_grad():
        return W.uniform_(-a, a)


def he_normal_(W, mode="fan_in"):
    # torch's own: it raises ValueError for an unknown mode (it reads the mode lowercased)
    return torch.nn.init.kaiming_normal_(W, mode=mode, nonlinearity="relu")
