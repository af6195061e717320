"""He initialization as Keras' HeNormal draws it (VarianceScaling(2.0, 'fan_in',
'truncated_normal'): stddev = sqrt(2 / fan) / 0.87962566103423978, truncated at 2 stddev):
the std is right, the tails beyond 2.27 std are missing. The message said "not a uniform one"
before session 32.

Says (he_normal_): a truncated normal
"""


def he_normal_(W, mode="fan_in"):
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"mode must be 'fan_in' or 'fan_out', not {mode!r}")
    kernel = math.prod(W.shape[2:])
    fan = W.shape[1] * kernel if mode == "fan_in" else W.shape[0] * kernel
    stddev = math.sqrt(2 / fan) / 0.87962566103423978
    with torch.no_grad():
        return torch.nn.init.trunc_normal_(W, 0.0, stddev, -2 * stddev, 2 * stddev)
