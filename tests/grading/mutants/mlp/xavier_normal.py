"""xavier_uniform_ from a normal distribution with the right variance."""

import math

import torch


def xavier_uniform_(W, gain=1.0):
    fan_out, fan_in = W.shape
    with torch.no_grad():
        return W.normal_(0.0, gain * math.sqrt(2 / (fan_in + fan_out)))
