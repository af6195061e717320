"""AdaGrad whose sum of squares starts at 0.1, the default initial_accumulator_value of Keras'
and optax's Adagrad, where the docstring (and torch.optim.Adagrad) starts from zeros.

Says (adagrad_step): from state['s'] = 0.1 (every entry) before the first step
"""


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    old_s = state.get("s", [torch.full_like(g, 0.1) for g in grads])
    s = [si + g * g for si, g in zip(old_s, grads, strict=True)]
    return [p - lr * g / (si.sqrt() + eps) for p, g, si in zip(params, grads, s, strict=True)], {
        "s": s
    }
