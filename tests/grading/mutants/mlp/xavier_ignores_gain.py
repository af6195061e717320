"""xavier_uniform_ that ignores gain."""

import math

import torch


def xavier_uniform_(W, gain=1.0):
    fan_out, fan_in = W.shape
    bound = math.sqrt(6 / (fan_in + fan_out))
    with torch.no_grad():
        return W.uniform_(-bound, bound)
