"""RMSProp whose average of squares starts at ones, as trax's RMSProp initialises it
(jnp.ones_like(weights)), where the docstring (and torch.optim.RMSprop) starts from zeros.

Says (rmsprop_step): from state['s'] = 1 (every entry) before the first step
"""


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    old_s = state.get("s", [torch.ones_like(g) for g in grads])
    s = [alpha * si + (1 - alpha) * g * g for si, g in zip(old_s, grads, strict=True)]
    return [p - lr * g / (si.sqrt() + eps) for p, g, si in zip(params, grads, s, strict=True)], {
        "s": s
    }
