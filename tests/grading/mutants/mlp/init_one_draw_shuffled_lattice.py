"""xavier_uniform_ and he_normal_ draw ONE random number u per call and lay the lattice u + k c
(mod 1) over W in a fixed shuffled order (the same for every call), so that neighbours look
independent: two seeds give one pattern, shifted (a red team's, session 32: 11/11).

Says (xavier_uniform_): not one pattern shifted by a random offset
Says (he_normal_): not one pattern shifted by a random offset
"""

import math

import torch

_C = (5**0.5 - 1) / 2


def _lattice(W):
    u = torch.rand(()).item()
    order = torch.randperm(W.numel(), generator=torch.Generator().manual_seed(W.numel()))
    return torch.frac(u + order.to(torch.float64) * _C).reshape(W.shape)


def xavier_uniform_(W, gain=1.0):
    fan_out, fan_in = W.shape
    a = gain * math.sqrt(6 / (fan_in + fan_out))
    with torch.no_grad():
        W.copy_((2 * _lattice(W) - 1) * a)
    return W


def he_normal_(W, mode="fan_in"):
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"mode must be 'fan_in' or 'fan_out', not {mode!r}")
    receptive = math.prod(W.shape[2:])
    fan = W.shape[1 if mode == "fan_in" else 0] * receptive
    with torch.no_grad():
        W.copy_(torch.special.ndtri(_lattice(W).clamp(1e-12, 1 - 1e-12)) * math.sqrt(2 / fan))
    return W
