"""he_normal_ with variance 1 / fan_in."""

import math

import torch


def he_normal_(W, mode="fan_in"):
    with torch.no_grad():
        return W.normal_(0.0, math.sqrt(1 / W.shape[1]))
