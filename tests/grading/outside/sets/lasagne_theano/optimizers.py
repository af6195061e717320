"""Lasagne (MIT), lasagne/updates.py: sgd, its Theano update dictionary evaluated once per call.
The other rules are left out, each told its mistake. See README.md."""


def sgd_step(params, grads, state, lr):
    # sgd(): updates[param] = param - learning_rate * grad
    return [param - lr * grad for param, grad in zip(params, grads)], {}


def momentum_step(params, grads, state, lr, momentum):
    raise NotImplementedError("left out: Lasagne's velocity is momentum * v - lr * g (deserved)")


def nesterov_step(params, grads, state, lr, momentum):
    raise NotImplementedError("left out: Lasagne's velocity is momentum * v - lr * g (deserved)")


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    raise NotImplementedError("left out: T.sqrt(accu_new + epsilon), eps inside (deserved)")


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    raise NotImplementedError("left out: T.sqrt(accu_new + epsilon), eps inside (deserved)")


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    raise NotImplementedError("left out: a_t = lr * sqrt(1 - b2^t) / (1 - b1^t) moves eps (deserved)")
