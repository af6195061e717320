"""he_normal_ with the variance 2 / (fan_in + fan_out), Xavier's sum of fans, for either mode.

Says (he_normal_): You divided by fan_in + fan_out
"""


def he_normal_(W, mode="fan_in"):
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"mode must be 'fan_in' or 'fan_out', not {mode!r}")
    field = math.prod(W.shape[2:])
    with torch.no_grad():
        return W.normal_(0.0, math.sqrt(2.0 / ((W.shape[0] + W.shape[1]) * field)))
