"""Apple's MLX (MIT), python/mlx/nn/init.py: glorot_uniform (_calculate_fan_in_fan_out reads
fan_in = shape[-1], fan_out = shape[0], the middle axes as the receptive field: MLX's
channels-last layout; their sum is the same on a 2-d weight), drawn in float32 from torch's
generator and copied into W. he_normal is left out (see README.md)."""
import math

import torch


def _calculate_fan_in_fan_out(x):
    if x.ndim < 2:
        raise ValueError("Glorot / He initialization requires at least 2 dimensional input"
                         f" but input with {x.ndim} dimensions.")
    fan_in = x.shape[-1]
    fan_out = x.shape[0]
    if x.ndim > 2:
        receptive_field = 1
        for d in x.shape[1:-1]:
            receptive_field *= d
        fan_in = fan_in * receptive_field
        fan_out = fan_out * receptive_field
    return fan_in, fan_out


def mlp_forward(X, W1, b1, W2, b2):
    raise NotImplementedError("not in the source")


def linear_backward(X, W, dY):
    raise NotImplementedError("not in the source")


def relu_backward(Z, dH):
    raise NotImplementedError("not in the source")


def mlp_backward(X, y, W1, b1, W2, b2):
    raise NotImplementedError("not in the source")


def xavier_uniform_(W, gain=1.0):
    # glorot_uniform(dtype=mx.float32)(W, gain), written into W
    fan_in, fan_out = _calculate_fan_in_fan_out(W)
    limit = gain * math.sqrt(6.0 / (fan_in + fan_out))
    with torch.no_grad():
        W.copy_(torch.empty(W.shape, dtype=torch.float32).uniform_(-limit, limit))
    return W


def he_normal_(W, mode="fan_in"):
    raise NotImplementedError("left out: the channels-last fans give fan_out = out * in * kh "
                              "on torch's layout (deserved)")
