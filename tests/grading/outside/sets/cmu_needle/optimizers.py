"""CMU 10-414/714 "Deep Learning Systems" (needle), a student's hw2 python/needle/optim.py: SGD's
step (param.data -= self.lr * grad) and Adam's (self.t += 1, m and v per parameter, bias
corrections, ndl.power_scalar(v_corrected, 0.5) + eps), run on clones of the parameters, the
optimizer's self.t / self.m / self.v held in the state dict. See README.md."""
import torch


class _Param:  # a needle Tensor: .data and .grad
    def __init__(self, data, grad):
        self.data, self.grad = data, grad


def sgd_step(params, grads, state, lr):
    weight_decay = 0.0  # SGD(params, lr): momentum 0, its branch not taken
    new = [_Param(p.clone(), g) for p, g in zip(params, grads)]
    for param in new:
        if weight_decay:
            grad = param.grad + weight_decay * param.data
        else:
            grad = param.grad
        param.data -= lr * grad
    return [param.data for param in new], {}


def momentum_step(params, grads, state, lr, momentum):
    raise NotImplementedError("left out: u = momentum * u + (1 - momentum) * grad (deserved)")


def nesterov_step(params, grads, state, lr, momentum):
    raise NotImplementedError("not in the source")


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    raise NotImplementedError("not in the source")


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    raise NotImplementedError("not in the source")


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2 = betas
    weight_decay = 0.0
    t = state.get("step", 0)
    t += 1
    new_params, new_m, new_v = [], [], []
    for i, (p, g) in enumerate(zip(params, grads)):
        param = _Param(p.clone(), g)
        if weight_decay:
            grad = param.grad + weight_decay * param.data
        else:
            grad = param.grad
        m = state["m"][i] if state else torch.zeros_like(param.data)
        v = state["v"][i] if state else torch.zeros_like(param.data)
        m = beta1 * m + (1 - beta1) * grad
        v = beta2 * v + (1 - beta2) * grad**2
        m_corrected = m / (1 - beta1**t)
        v_corrected = v / (1 - beta2**t)
        param.data -= lr * m_corrected / (torch.pow(v_corrected, 0.5) + eps)
        new_params.append(param.data)
        new_m.append(m)
        new_v.append(v)
    return new_params, {"step": t, "m": new_m, "v": new_v}
