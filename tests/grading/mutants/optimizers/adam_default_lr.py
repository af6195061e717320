"""adam_step whose default learning rate is 0.01 instead of the stub's 0.001.

Says (adam_step): the defaults the docstring gives
"""

_reference_adam_step = adam_step


def adam_step(params, grads, state, lr=0.01, betas=(0.9, 0.999), eps=1e-8):
    return _reference_adam_step(params, grads, state, lr, betas, eps)
