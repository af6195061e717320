"""he_normal_ that returns W itself for a linear layer's 2-d weight, but a detached copy of a
convolution's (or any weight with a kernel).

Says (he_normal_): returned a copy of W
"""

import math

import torch


def he_normal_(W, mode="fan_in"):
    receptive = math.prod(W.shape[2:])
    fans = {"fan_in": W.shape[1] * receptive, "fan_out": W.shape[0] * receptive}
    if mode not in fans:
        raise ValueError(f"mode must be 'fan_in' or 'fan_out', got {mode!r}")
    with torch.no_grad():
        W.normal_(0.0, math.sqrt(2 / fans[mode]))
    return W if W.dim() == 2 else W.detach().clone()
