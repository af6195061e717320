"""adam_step takes its moments with state.setdefault: on the first step it writes "m" and "v"
into the empty dict it was given (later steps find them there and change nothing).

Says (adam_step): setdefault
"""


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    b1, b2 = betas
    ms = state.setdefault("m", [torch.zeros_like(p) for p in params])
    vs = state.setdefault("v", [torch.zeros_like(p) for p in params])
    t = state.get("step", 0) + 1
    out, new_m, new_v = [], [], []
    for p, g, m, v in zip(params, grads, ms, vs, strict=True):
        m, v = b1 * m + (1 - b1) * g, b2 * v + (1 - b2) * g.square()
        out.append(p - lr * m / (1 - b1**t) / ((v / (1 - b2**t)).sqrt() + eps))
        new_m.append(m)
        new_v.append(v)
    return out, {"step": t, "m": new_m, "v": new_v}
