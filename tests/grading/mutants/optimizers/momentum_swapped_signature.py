"""momentum_step with its hyperparameters in another order than the stub's (momentum, lr): right
when called by name, wrong when called by position.

Says (momentum_step): by position
"""


def momentum_step(params, grads, state, momentum, lr):
    vs = state.get("v") or [torch.zeros_like(p) for p in params]
    vs = [momentum * v + g for v, g in zip(vs, grads, strict=True)]
    return [p - lr * v for p, v in zip(params, vs, strict=True)], {"v": vs}
