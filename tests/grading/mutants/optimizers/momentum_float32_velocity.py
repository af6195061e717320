"""momentum_step keeps its velocities in float32 (.float()) while the parameters are float64.

Says (momentum_step): keep the state in the parameters' dtype
"""


def momentum_step(params, grads, state, lr, momentum):
    velocities = state.get("v") or [torch.zeros_like(p) for p in params]
    new_v = [(momentum * v + g).float() for v, g in zip(velocities, grads, strict=True)]
    return [p - lr * v for p, v in zip(params, new_v, strict=True)], {"v": new_v}
