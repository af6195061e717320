"""he_normal_ that uses W.shape[0] as the fan-in."""

import math

import torch


def he_normal_(W, mode="fan_in"):
    with torch.no_grad():
        return W.normal_(0.0, math.sqrt(2 / W.shape[0]))
