"""adagrad_step that divides by this step's |g| alone, s = g * g, forgetting the running sum in
the state (it still returns it). It was told only that step 2 was too long.

Says (adagrad_step): running sum kept in the state
"""


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    s = [g * g for g in grads]
    new = [p - lr * g / (si.sqrt() + eps) for p, g, si in zip(params, grads, s, strict=True)]
    return new, {"s": s}
