"""momentum_step that also keeps a step counter in the state: the layout is {"v": [...]} only.

Says (momentum_step): use exactly the docstring's keys
"""


def momentum_step(params, grads, state, lr, momentum):
    vs = [momentum * v + g for v, g in zip(state.get("v", [torch.zeros_like(g) for g in grads]),
                                           grads, strict=True)]
    return [p - lr * v for p, v in zip(params, vs, strict=True)], {"v": vs,
                                                                   "t": state.get("t", 0) + 1}
