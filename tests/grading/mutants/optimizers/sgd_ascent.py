"""SGD that adds the gradient: it climbs the loss."""


def sgd_step(params, grads, state, lr):
    return [p + lr * g for p, g in zip(params, grads, strict=True)], {}
