"""he_normal_ that swaps in new storage drawn in torch's default dtype, W.data =
torch.randn(W.shape) * std: the same tensor object, right in float32, but a float64 W comes
back float32.

Says (he_normal_): dtype
"""


def he_normal_(W, mode="fan_in"):
    receptive = math.prod(W.shape[2:])
    fans = {"fan_in": W.shape[1] * receptive, "fan_out": W.shape[0] * receptive}
    if mode not in fans:
        raise ValueError(f"mode must be 'fan_in' or 'fan_out', got {mode!r}")
    W.data = torch.randn(W.shape) * math.sqrt(2 / fans[mode])
    return W
