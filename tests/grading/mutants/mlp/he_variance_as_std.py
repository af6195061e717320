"""he_normal_ passes the variance 2 / fan to normal_ as its standard deviation.

Says (he_normal_): not the variance
"""


def he_normal_(W, mode="fan_in"):
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"mode must be 'fan_in' or 'fan_out', got {mode!r}")
    receptive = math.prod(W.shape[2:])
    fan = (W.shape[1] if mode == "fan_in" else W.shape[0]) * receptive
    with torch.no_grad():
        return W.normal_(0.0, 2.0 / fan)
