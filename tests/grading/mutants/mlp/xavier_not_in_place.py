"""xavier_uniform_ that returns a new tensor and leaves W unchanged."""

import math

import torch


def xavier_uniform_(W, gain=1.0):
    fan_out, fan_in = W.shape
    bound = gain * math.sqrt(6 / (fan_in + fan_out))
    return torch.empty_like(W).uniform_(-bound, bound)
