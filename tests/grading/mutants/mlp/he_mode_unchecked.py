"""he_normal_ that takes any mode other than "fan_out" for the fan-in, instead of raising."""

import math

import torch


def he_normal_(W, mode="fan_in"):
    receptive = math.prod(W.shape[2:])
    fan = W.shape[0] * receptive if mode == "fan_out" else W.shape[1] * receptive
    with torch.no_grad():
        return W.normal_(0.0, math.sqrt(2 / fan))
