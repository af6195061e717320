"""xavier_uniform_ and he_normal_ draw 32 rows and fill W with copies of them, every other copy
with its signs flipped: bounds, moments and tails are right, but units start alike (a red
team's, session 30: 11/11).

Says (xavier_uniform_): gives some units the same weights
Says (he_normal_): gives some units the same weights
"""

import math

import torch


def _tile(W, block):
    copies = -(-len(W) // len(block))
    tiled = torch.cat([block * (-1) ** k for k in range(copies)])[: len(W)]
    with torch.no_grad():
        W.copy_(tiled.reshape(W.shape))
    return W


def xavier_uniform_(W, gain=1.0):
    fan_out, fan_in = W.shape
    a = gain * math.sqrt(6 / (fan_in + fan_out))
    return _tile(W, torch.empty(min(32, fan_out), fan_in).uniform_(-a, a))


def he_normal_(W, mode="fan_in"):
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"mode must be 'fan_in' or 'fan_out', not {mode!r}")
    receptive = math.prod(W.shape[2:])
    fan_in, fan_out = W.shape[1] * receptive, W.shape[0] * receptive
    std = math.sqrt(2 / (fan_in if mode == "fan_in" else fan_out))
    block = torch.empty(min(32, len(W)), *W.shape[1:]).normal_(0, std)
    return _tile(W, block)
