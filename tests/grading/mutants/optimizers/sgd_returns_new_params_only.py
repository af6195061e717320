"""sgd_step that returns the new parameters alone, forgetting the state (the rule itself is
right). With two parameters the list unpacked as (new_params, new_state) and was told
"new_params should be a list of 2 tensors", which it was (red team 15, session 38).

Says (sgd_step): return new_params, state
"""


def sgd_step(params, grads, state, lr):
    return [p - lr * g for p, g in zip(params, grads, strict=True)]
