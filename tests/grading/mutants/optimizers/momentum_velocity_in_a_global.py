"""Momentum keeping its velocity in a module variable, reset when the state is empty: a run
fed its own states gives torch's steps, but the state it is given is never read (two
optimizers at once would share one velocity). Says (momentum_step): from the state argument only"""

_VELOCITY = []


def momentum_step(params, grads, state, lr, momentum):
    global _VELOCITY
    if not state:
        _VELOCITY = [torch.zeros_like(g) for g in grads]
    _VELOCITY = [momentum * v + g for v, g in zip(_VELOCITY, grads, strict=True)]
    return [p - lr * v for p, v in zip(params, _VELOCITY, strict=True)], {"v": list(_VELOCITY)}
