"""momentum_step keeps the velocity right but moves the parameters by lr * g, not lr * v.

A learner's first momentum (session 34): the messages blamed the returned state ("what goes
wrong is the state you return", "never from a variable of the module"), which was right.

Says (momentum_step): the velocity is what moves them
"""


def momentum_step(params, grads, state, lr, momentum):
    old_v = state.get("v", [torch.zeros_like(g) for g in grads])
    v = [momentum * vi + g for vi, g in zip(old_v, grads, strict=True)]
    return [p - lr * g for p, g in zip(params, grads, strict=True)], {"v": v}
