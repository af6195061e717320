"""he_normal_ whose mode parameter is called `fan`, so he_normal_(W, mode="fan_out") raises
TypeError (torch.nn.init.kaiming_normal_ takes `mode` by that name).

Says (he_normal_): keep the stub's signature
"""


def he_normal_(W, fan="fan_in"):
    if fan not in ("fan_in", "fan_out"):
        raise ValueError(f"unknown mode {fan!r}")
    receptive = math.prod(W.shape[2:])
    n = W.shape[1] * receptive if fan == "fan_in" else W.shape[0] * receptive
    with torch.no_grad():
        return W.normal_(0.0, math.sqrt(2 / n))
