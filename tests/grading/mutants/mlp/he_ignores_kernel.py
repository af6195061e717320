"""he_normal_ that ignores the kernel size of a 4-d weight."""

import math

import torch


def he_normal_(W, mode="fan_in"):
    fan = W.shape[1] if mode == "fan_in" else W.shape[0]
    with torch.no_grad():
        return W.normal_(0.0, math.sqrt(2 / fan))
