"""he_normal_ with MLX's _calculate_fan_in_fan_out (fan_in = shape[-1], fan_out = shape[0], the
axes between them the receptive field), written for MLX's channels-last convolution weights
(out, kh, kw, in). On torch's (out, in, kh, kw) fan_in comes out right by chance and fan_out
is out * in * kh; it was told "the fans include the kernel: W.shape[1] * kh * kw", the fan_in
formula, for mode='fan_out' (outside set mlx, session 35).

Says (he_normal_): channels-last
"""


def he_normal_(W, mode="fan_in"):
    fan_in, fan_out = W.shape[-1], W.shape[0]
    if W.ndim > 2:
        receptive_field = math.prod(W.shape[1:-1])
        fan_in, fan_out = fan_in * receptive_field, fan_out * receptive_field
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"Invalid mode: {mode}")
    std = math.sqrt(2.0 / (fan_in if mode == "fan_in" else fan_out))
    with torch.no_grad():
        return W.normal_(0.0, std)
