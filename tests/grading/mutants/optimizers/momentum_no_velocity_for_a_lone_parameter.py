"""momentum_step that steps with the gradient alone (no velocity) when params holds one tensor
alone: every run posed had two or three parameters.

Says (momentum_step): one parameter alone
"""


def momentum_step(params, grads, state, lr, momentum):
    vs = state.get("v") or [torch.zeros_like(p) for p in params]
    new_v = [momentum * v + g for v, g in zip(vs, grads, strict=True)]
    if len(params) == 1:
        new_v = [g.clone() for g in grads]
    return [p - lr * v for p, v in zip(params, new_v, strict=True)], {"v": new_v}
