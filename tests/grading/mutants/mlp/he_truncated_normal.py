"""He initialization from a normal truncated at 2 standard deviations, as numpy-ml's
he_normal (neural_nets/utils truncated_normal) and TF's truncated_normal initializers draw: the
cut tails shrink the std to 0.88 of sqrt(2 / fan). The messages only said "expected 0.1, got
0.088" before session 32.

Says (he_normal_): a truncated normal
"""


def he_normal_(W, mode="fan_in"):
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"mode must be 'fan_in' or 'fan_out', not {mode!r}")
    kernel = math.prod(W.shape[2:])
    fan = W.shape[1] * kernel if mode == "fan_in" else W.shape[0] * kernel
    std = math.sqrt(2 / fan)
    with torch.no_grad():
        return torch.nn.init.trunc_normal_(W, 0.0, std, -2 * std, 2 * std)
