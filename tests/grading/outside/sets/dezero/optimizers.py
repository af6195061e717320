"""DeZero (oreilly-japan/deep-learning-from-scratch-3, dezero/optimizers.py): SGD, MomentumSGD,
AdaGrad, Adam; each update_one ported to the functional (params, grads, state) form, the
in-place NumPy updates done on clones."""

import torch


# dezero/optimizers.py SGD.update_one: param.data -= self.lr * param.grad.data
def sgd_step(params, grads, state, lr):
    return [p - lr * g for p, g in zip(params, grads)], {}


# dezero/optimizers.py MomentumSGD.update_one: v *= momentum; v -= lr * grad; param.data += v
def momentum_step(params, grads, state, lr, momentum):
    raise NotImplementedError("left out: DeZero keeps v = -lr * (torch's v) in its state")


def nesterov_step(params, grads, state, lr, momentum):
    raise NotImplementedError("not in the source")


# dezero/optimizers.py AdaGrad.update_one: h += grad * grad; param -= lr * grad / (sqrt(h) + eps)
def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    hs = [h.clone() for h in state["s"]] if "s" in state else [torch.zeros_like(p) for p in params]
    new_params = []
    for p, grad, h in zip(params, grads, hs):
        h += grad * grad
        new_params.append(p - lr * grad / (torch.sqrt(h) + eps))
    return new_params, {"s": hs}


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    raise NotImplementedError("not in the source")


# dezero/optimizers.py Adam: t += 1; lr = alpha * sqrt(1 - beta2**t) / (1 - beta1**t);
# m += (1 - beta1) * (grad - m); v += (1 - beta2) * (grad * grad - v);
# param -= lr * m / (sqrt(v) + eps)
def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-08):
    raise NotImplementedError("left out: DeZero folds the bias correction into lr, so eps meets sqrt(v)")
