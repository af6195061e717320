"""Keras 3 keras/src/optimizers: SGD.update_step without momentum. The other rules are Keras'
own forms, left out with the grader's message (README.md)."""


def sgd_step(params, grads, state, lr):
    return [p - g * lr for p, g in zip(params, grads)], {}


def momentum_step(params, grads, state, lr, momentum):
    raise NotImplementedError('left out: m = momentum * m - lr * g in the state, not v (deserved)')


def nesterov_step(params, grads, state, lr, momentum):
    raise NotImplementedError('left out: m = momentum * m - lr * g in the state, not v (deserved)')


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    raise NotImplementedError('left out: accumulator starts at 0.1, sqrt(acc + eps) (deserved)')


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    raise NotImplementedError('left out: sqrt(velocity + epsilon), eps inside (deserved)')


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    raise NotImplementedError('left out: alpha = lr sqrt(1 - b2^t) / (1 - b1^t), m / (sqrt(v) + eps) (deserved)')
