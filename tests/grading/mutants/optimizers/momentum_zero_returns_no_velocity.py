"""With momentum 0 the step is plain SGD, and the returned state is left empty: the docstring's
layout, {"v": velocities}, holds at every momentum in [0, 1).

Says (momentum_step): lacks the key
"""


def momentum_step(params, grads, state, lr, momentum):
    if momentum == 0:
        return [p - lr * g for p, g in zip(params, grads, strict=True)], {}
    old_v = state.get("v", [torch.zeros_like(g) for g in grads])
    v = [momentum * vi + g for vi, g in zip(old_v, grads, strict=True)]
    return [p - lr * vi for p, vi in zip(params, v, strict=True)], {"v": v}
