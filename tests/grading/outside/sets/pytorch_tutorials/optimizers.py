"""torch.optim's own single-tensor code paths (torch/optim/sgd.py, adam.py...) rewritten out of
place: clone the state buffers, then the same mul/add/addcmul/lerp sequence, step counted
as in Adam's state['step']."""
import math

import torch


def _buffers(state, key, params):
    return [b.clone() for b in state[key]] if key in state else [torch.zeros_like(p) for p in params]


def sgd_step(params, grads, state, lr):
    return [p.clone().add_(g, alpha=-lr) for p, g in zip(params, grads)], {}


def momentum_step(params, grads, state, lr, momentum):
    bufs = _buffers(state, "v", params)
    for buf, g in zip(bufs, grads):
        buf.mul_(momentum).add_(g)
    return [p.clone().add_(buf, alpha=-lr) for p, buf in zip(params, bufs)], {"v": bufs}


def nesterov_step(params, grads, state, lr, momentum):
    bufs = _buffers(state, "v", params)
    for buf, g in zip(bufs, grads):
        buf.mul_(momentum).add_(g)
    steps = [g.add(buf, alpha=momentum) for g, buf in zip(grads, bufs)]
    return [p.clone().add_(d, alpha=-lr) for p, d in zip(params, steps)], {"v": bufs}


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    sums = _buffers(state, "s", params)
    new = []
    for p, g, s in zip(params, grads, sums):
        s.addcmul_(g, g, value=1)
        new.append(p.clone().addcdiv_(g, s.sqrt().add_(eps), value=-lr))
    return new, {"s": sums}


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    avgs = _buffers(state, "s", params)
    new = []
    for p, g, s in zip(params, grads, avgs):
        s.mul_(alpha).addcmul_(g, g, value=1 - alpha)
        new.append(p.clone().addcdiv_(g, s.sqrt().add_(eps), value=-lr))
    return new, {"s": avgs}


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2 = betas
    step = state.get("step", 0) + 1
    exp_avgs, exp_avg_sqs = _buffers(state, "m", params), _buffers(state, "v", params)
    bias_correction1 = 1 - beta1**step
    bias_correction2_sqrt = math.sqrt(1 - beta2**step)
    new = []
    for p, g, m, v in zip(params, grads, exp_avgs, exp_avg_sqs):
        m.lerp_(g, 1 - beta1)
        v.mul_(beta2).addcmul_(g, g.conj(), value=1 - beta2)
        denom = (v.sqrt() / bias_correction2_sqrt).add_(eps)
        new.append(p.clone().addcdiv_(m, denom, value=-lr / bias_correction1))
    return new, {"step": step, "m": exp_avgs, "v": exp_avg_sqs}
