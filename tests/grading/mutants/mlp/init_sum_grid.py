"""xavier_uniform_ and he_normal_ draw one number a_i per unit and one b_j per input, and fill
entry (i, j) with a_i + b_j (mod 1): every entry is uniform and any two are independent, but
fan_in + fan_out draws make the fan_in * fan_out weights (a red team's, session 32: 11/11).

Says (xavier_uniform_): are not independent
Says (he_normal_): are not independent
"""

import math

import torch


def _grid(W):
    rows = W.reshape(len(W), -1)
    a = torch.rand(rows.shape[0], 1, dtype=torch.float64)
    b = torch.rand(1, rows.shape[1], dtype=torch.float64)
    return torch.frac(a + b).reshape(W.shape)


def xavier_uniform_(W, gain=1.0):
    fan_out, fan_in = W.shape
    a = gain * math.sqrt(6 / (fan_in + fan_out))
    with torch.no_grad():
        W.copy_((2 * _grid(W) - 1) * a)
    return W


def he_normal_(W, mode="fan_in"):
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"mode must be 'fan_in' or 'fan_out', not {mode!r}")
    receptive = math.prod(W.shape[2:])
    fan = W.shape[1 if mode == "fan_in" else 0] * receptive
    with torch.no_grad():
        W.copy_(torch.special.ndtri(_grid(W).clamp(1e-12, 1 - 1e-12)) * math.sqrt(2 / fan))
    return W
