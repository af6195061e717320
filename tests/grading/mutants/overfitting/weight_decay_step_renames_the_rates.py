"""weight_decay_step calls its rates `eta` and `wd` instead of the docstring's `lr` and
`weight_decay`, so weight_decay_step(w, grad, lr=..., weight_decay=...) raises TypeError.

Says (weight_decay_step): keep the stub's signature
"""


def weight_decay_step(w, grad, eta, wd):
    return (1 - eta * wd) * w - eta * grad
