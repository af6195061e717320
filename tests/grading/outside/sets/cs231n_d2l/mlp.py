"""d2l forward, CS231n backward (copy then zero, dscores[range(N), y] -= 1)."""
import math

import torch


def relu(X):
    a = torch.zeros_like(X)
    return torch.max(X, a)


def mlp_forward(X, W1, b1, W2, b2):
    X = X.reshape((-1, W1.shape[0]))
    H = relu(X @ W1 + b1)
    return H @ W2 + b2


def linear_backward(X, W, dY):
    dX = dY @ W.T
    dW = X.T @ dY
    db = dY.sum(axis=0)
    return dX, dW, db


def relu_backward(Z, dH):
    dZ = dH.clone()
    dZ[Z <= 0] = 0
    return dZ


def mlp_backward(X, y, W1, b1, W2, b2):
    N = X.shape[0]
    hidden = torch.clamp(X @ W1 + b1, min=0)
    scores = hidden @ W2 + b2
    scores = scores - scores.max(dim=1, keepdim=True).values
    probs = torch.exp(scores)
    probs /= probs.sum(dim=1, keepdim=True)
    dscores = probs.clone()
    dscores[range(N), y] -= 1
    dscores /= N
    dW2 = hidden.T @ dscores
    db2 = dscores.sum(dim=0)
    dhidden = dscores @ W2.T
    dhidden[hidden <= 0] = 0
    dW1 = X.T @ dhidden
    db1 = dhidden.sum(dim=0)
    return dW1, db1, dW2, db2


def xavier_uniform_(W, gain=1.0):
    fan_out, fan_in = W.size(0), W.size(1)
    a = gain * math.sqrt(6.0 / float(fan_in + fan_out))
    with torch.no_grad():
        return W.uniform_(-a, a)


def he_normal_(W, mode="fan_in"):
    num_input_fmaps = W.size(1)
    num_output_fmaps = W.size(0)
    receptive_field_size = 1
    if W.dim() > 2:
        receptive_field_size = W[0][0].numel()
    fan_in = num_input_fmaps * receptive_field_size
    fan_out = num_output_fmaps * receptive_field_size
    if mode == "fan_in":
        fan = fan_in
    elif mode == "fan_out":
        fan = fan_out
    else:
        raise ValueError(f"Mode {mode} not supported, please use one of fan_in, fan_out")
    std = math.sqrt(2.0 / fan)
    with torch.no_grad():
        return W.normal_(0, std)
