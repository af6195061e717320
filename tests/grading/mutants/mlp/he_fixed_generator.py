"""he_normal_ draws from a generator of its own with a fixed seed, not torch's global one."""


def he_normal_(W, mode="fan_in"):
    receptive = math.prod(W.shape[2:])
    fans = {"fan_in": W.shape[1] * receptive, "fan_out": W.shape[0] * receptive}
    if mode not in fans:
        raise ValueError(f"mode must be 'fan_in' or 'fan_out', got {mode!r}")
    generator = torch.Generator().manual_seed(42)
    with torch.no_grad():
        return W.normal_(0.0, math.sqrt(2 / fans[mode]), generator=generator)
