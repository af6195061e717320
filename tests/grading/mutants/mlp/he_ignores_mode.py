"""he_normal_ that ignores mode and always uses the fan-in (CMU dlsys "needle" hw2's
kaiming_normal, std = gain / sqrt(fan_in)): an unknown mode is never rejected.

Says (he_normal_): says any other value raises ValueError
"""

import math

import torch


def he_normal_(W, mode="fan_in"):
    fan_in = W.shape[1] * math.prod(W.shape[2:])
    with torch.no_grad():
        return W.normal_(0.0, math.sqrt(2 / fan_in))
