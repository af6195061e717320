"""SGD that updates the given parameter tensors in place (p.sub_) and returns them."""


def sgd_step(params, grads, state, lr):
    for p, g in zip(params, grads, strict=True):
        p.sub_(lr * g)
    return params, {}
