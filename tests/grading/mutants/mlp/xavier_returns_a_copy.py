"""xavier_uniform_ that fills W in place but hands back a copy of it instead of W itself.

Says (xavier_uniform_): returned a copy of W
"""

import math

import torch


def xavier_uniform_(W, gain=1.0):
    fan_out, fan_in = W.shape
    bound = gain * math.sqrt(6 / (fan_in + fan_out))
    with torch.no_grad():
        W.uniform_(-bound, bound)
    return W.clone()
