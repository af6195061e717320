"""he_normal_ always divides by fan_in, whatever the mode.

Says (he_normal_): This is the std for mode='fan_in'
"""


def he_normal_(W, mode="fan_in"):
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(mode)
    fan = W.shape[1] * math.prod(W.shape[2:])
    with torch.no_grad():
        return W.normal_(0, math.sqrt(2.0 / fan))
