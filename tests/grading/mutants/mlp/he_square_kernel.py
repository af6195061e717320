"""he_normal_ whose receptive field assumes a square kernel: in_channels * k * k, with k the
last dimension (right for 3 x 3 and 5 x 5 kernels, not for a 3 x 5 one).

Says (he_normal_): not the last one squared
"""

import math

import torch


def he_normal_(W, mode="fan_in"):
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"mode must be 'fan_in' or 'fan_out', got {mode!r}")
    k = W.shape[-1] if W.dim() > 2 else 1
    receptive = k ** (W.dim() - 2)
    fan = W.shape[1] * receptive if mode == "fan_in" else W.shape[0] * receptive
    with torch.no_grad():
        return W.normal_(0.0, math.sqrt(2 / fan))
