"""momentum_step whose first velocity is the gradient tensor itself (v = g when the state is
empty): the steps are right, but the state holds the caller's gradients, which a caller may
change in place.

Says (momentum_step): build new tensors
"""


def momentum_step(params, grads, state, lr, momentum):
    if "v" in state:
        vs = [momentum * v + g for v, g in zip(state["v"], grads, strict=True)]
    else:
        vs = list(grads)
    return [p - lr * v for p, v in zip(params, vs, strict=True)], {"v": vs}
