"""he_normal_ that lower-cases mode first, so "FAN_IN" is taken for "fan_in" instead of
raising ValueError.

Says (he_normal_): any other value raises ValueError
"""

import math

import torch


def he_normal_(W, mode="fan_in"):
    receptive = math.prod(W.shape[2:])
    fans = {"fan_in": W.shape[1] * receptive, "fan_out": W.shape[0] * receptive}
    if str(mode).lower() not in fans:
        raise ValueError(f"mode must be 'fan_in' or 'fan_out', got {mode!r}")
    with torch.no_grad():
        return W.normal_(0.0, math.sqrt(2 / fans[str(mode).lower()]))
