"""he_normal_ from a uniform distribution with the right variance."""

import math

import torch


def he_normal_(W, mode="fan_in"):
    fan_in = W.shape[1] * math.prod(W.shape[2:])
    bound = math.sqrt(6 / fan_in)
    with torch.no_grad():
        return W.uniform_(-bound, bound)
