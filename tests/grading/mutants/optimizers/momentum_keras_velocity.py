"""momentum_step in Keras' (and Sutskever's) form: v <- momentum * v - lr * g, p <- p + v. The
parameters follow torch's path while the rule is fed its own states, but the state holds
-lr times the docstring's velocity, so a run continued from torch's state steps wrong. It
was told to read its state from the argument rather than a module variable, which it did.

Says (momentum_step): no lr folded in
"""


def momentum_step(params, grads, state, lr, momentum):
    vs = state.get("v") or [torch.zeros_like(p) for p in params]
    v = [momentum * v - lr * g for v, g in zip(vs, grads, strict=True)]
    return [p + vi for p, vi in zip(params, v, strict=True)], {"v": v}
