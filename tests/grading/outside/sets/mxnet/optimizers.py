"""apache/mxnet python/mxnet/optimizer/ (2.0): sgd.py and nag.py SGD/NAG.step (mom[:] *=
momentum; mom[:] -= lr * grad; d = mom (NAG: d = momentum * mom - lr * grad); weight[:] += d;
no momentum: d = -lr * grad), adagrad.py AdaGrad.step (history[:] += square(grad); d = grad /
(sqrt(history) + epsilon); weight[:] -= lr * d), rmsprop.py RMSProp.step, centered=False
(var[:] *= rho; var[:] += (1 - rho) * square(grad); d = grad / (sqrt(var) + epsilon)),
adam.py Adam.step (coef1 = 1 - beta1**t; coef2 = 1 - beta2**t; lr *= sqrt(coef2) / coef1;
mean = beta1 * mean + (1 - beta1) * grad; var likewise; d = mean / (sqrt(var) + epsilon)).
wd = 0, rescale_grad = 1, no clipping. The states are updated on clones."""

import torch


def _clones(state, key, params):
    return [t.clone() for t in state[key]] if key in state else [torch.zeros_like(p) for p in params]


def sgd_step(params, grads, state, lr):
    return [weight + (-lr * grad) for weight, grad in zip(params, grads)], {}


def momentum_step(params, grads, state, lr, momentum):
    raise NotImplementedError("left out: MXNet's mom is -lr * (torch's v)")


def nesterov_step(params, grads, state, lr, momentum):
    raise NotImplementedError("left out: MXNet's mom is -lr * (torch's v)")


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    history = _clones(state, "s", params)
    new = []
    for weight, grad, h in zip(params, grads, history):
        h += torch.square(grad)  # MXNet: history[:] += ...; a 0-dim state has no slice
        d = grad / (torch.sqrt(h) + eps)
        new.append(weight - lr * d)
    return new, {"s": history}


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    rho = alpha
    variances = _clones(state, "s", params)
    new = []
    for weight, grad, var in zip(params, grads, variances):
        var *= rho  # MXNet: var[:] *= rho; var[:] += ...; a 0-dim state has no slice
        var += (1 - rho) * torch.square(grad)
        d = grad / (torch.sqrt(var) + eps)
        new.append(weight - lr * d)
    return new, {"s": variances}


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-08):
    raise NotImplementedError("left out: MXNet folds the bias correction into lr")
