"""timm (huggingface/pytorch-image-models) timm/optim/adamw.py AdamW.step with weight_decay 0
(the decay line p.data.mul_(1 - lr * 0) leaves p as is), amsgrad False, on clones."""
import math

import torch


def sgd_step(params, grads, state, lr):
    raise NotImplementedError("not in the source")


def momentum_step(params, grads, state, lr, momentum):
    raise NotImplementedError("not in the source")


def nesterov_step(params, grads, state, lr, momentum):
    raise NotImplementedError("not in the source")


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    raise NotImplementedError("not in the source")


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    raise NotImplementedError("not in the source")


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    weight_decay = 0.0
    step = state.get("step", 0) + 1
    new_params, new_m, new_v = [], [], []
    for i, (p, grad) in enumerate(zip(params, grads)):
        p = p.clone()
        p.mul_(1 - lr * weight_decay)
        exp_avg = state["m"][i].clone() if state else torch.zeros_like(p)
        exp_avg_sq = state["v"][i].clone() if state else torch.zeros_like(p)
        beta1, beta2 = betas
        bias_correction1 = 1 - beta1**step
        bias_correction2 = 1 - beta2**step
        exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
        exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
        denom = (exp_avg_sq.sqrt() / math.sqrt(bias_correction2)).add_(eps)
        step_size = lr / bias_correction1
        p.addcdiv_(exp_avg, denom, value=-step_size)
        new_params.append(p)
        new_m.append(exp_avg)
        new_v.append(exp_avg_sq)
    return new_params, {"step": step, "m": new_m, "v": new_v}
