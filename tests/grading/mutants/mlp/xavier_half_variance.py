"""xavier_uniform_ with sqrt(3 / (fan_in + fan_out)): half the variance."""

import math

import torch


def xavier_uniform_(W, gain=1.0):
    fan_out, fan_in = W.shape
    bound = gain * math.sqrt(3 / (fan_in + fan_out))
    with torch.no_grad():
        return W.uniform_(-bound, bound)
