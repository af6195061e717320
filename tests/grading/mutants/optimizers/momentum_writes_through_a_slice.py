"""Momentum that writes each new parameter through a slice of a copy, new[:] = ..., as d2l's
code updates in place: a 0-dim parameter has no slice, and the message was Python's alone.

Says (momentum_step): has no slice or index to write into
"""


def momentum_step(params, grads, state, lr, momentum):
    old_v = state.get("v", [torch.zeros_like(g) for g in grads])
    v = [momentum * vi + g for vi, g in zip(old_v, grads, strict=True)]
    new = []
    for p, vi in zip(params, v, strict=True):
        q = p.clone()
        q[:] = p - lr * vi
        new.append(q)
    return new, {"v": v}
