"""Deep Learning from Scratch (Saito): common/optimizer.py's SGD, AdaGrad and RMSprop
(update(params, grads) over a dict, in place), run on copies of a dict built from the lists."""
import torch


class SGD:
    """確率的勾配降下法（Stochastic Gradient Descent）"""

    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params.keys():
            params[key] -= self.lr * grads[key]


class AdaGrad:
    """AdaGrad"""

    def __init__(self, lr=0.01, eps=1e-7):
        self.lr = lr
        self.eps = eps  # 1e-7 in the source: see README
        self.h = None

    def update(self, params, grads):
        if self.h is None:
            self.h = {}
            for key, val in params.items():
                self.h[key] = torch.zeros_like(val)

        for key in params.keys():
            self.h[key] += grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (torch.sqrt(self.h[key]) + self.eps)


class RMSprop:
    """RMSprop"""

    def __init__(self, lr=0.01, decay_rate=0.99, eps=1e-7):
        self.lr = lr
        self.decay_rate = decay_rate
        self.eps = eps  # 1e-7 in the source: see README
        self.h = None

    def update(self, params, grads):
        if self.h is None:
            self.h = {}
            for key, val in params.items():
                self.h[key] = torch.zeros_like(val)

        for key in params.keys():
            self.h[key] *= self.decay_rate
            self.h[key] += (1 - self.decay_rate) * grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (torch.sqrt(self.h[key]) + self.eps)


def _as_dicts(params, grads):
    return ({i: p.clone() for i, p in enumerate(params)},
            {i: g for i, g in enumerate(grads)})


def sgd_step(params, grads, state, lr):
    p, g = _as_dicts(params, grads)
    SGD(lr).update(p, g)
    return [p[i] for i in range(len(params))], {}


def momentum_step(params, grads, state, lr, momentum):
    raise NotImplementedError("left out: v = momentum v - lr g, the velocity with lr folded in")


def nesterov_step(params, grads, state, lr, momentum):
    raise NotImplementedError("left out: Bengio's form, and the new v where the old is meant")


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    p, g = _as_dicts(params, grads)
    opt = AdaGrad(lr, eps)
    if state:
        opt.h = {i: s.clone() for i, s in enumerate(state["s"])}
    opt.update(p, g)
    return [p[i] for i in range(len(params))], {"s": [opt.h[i] for i in range(len(params))]}


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    p, g = _as_dicts(params, grads)
    opt = RMSprop(lr, alpha, eps)
    if state:
        opt.h = {i: s.clone() for i, s in enumerate(state["s"])}
    opt.update(p, g)
    return [p[i] for i in range(len(params))], {"s": [opt.h[i] for i in range(len(params))]}


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    raise NotImplementedError("left out: lr_t folds the bias correction in, eps 1e-7 after it")
