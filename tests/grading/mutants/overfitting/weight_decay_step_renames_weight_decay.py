"""weight_decay_step keeps `lr` but names the decay `wd`, so a caller passing
weight_decay=... by name gets a TypeError.

Says (weight_decay_step): rather than renaming them
"""


def weight_decay_step(w, grad, lr, wd):
    return w - lr * (grad + wd * w)
