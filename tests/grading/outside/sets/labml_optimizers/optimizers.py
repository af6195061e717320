"""labmlai/annotated_deep_learning_paper_implementations (MIT), labml_nn/optimizers/adam.py and
__init__.py: Adam's get_mv and adam_update (the bias corrections split between the step size
and the denominator), run on clones of the parameters and the moments. See README.md."""
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


def _get_mv(st, group, grad):  # Adam.get_mv
    beta1, beta2 = group["betas"]
    m, v = st["exp_avg"], st["exp_avg_sq"]
    m.mul_(beta1).add_(grad, alpha=1 - beta1)
    v.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
    return m, v


def _adam_update(st, group, param, m, v):  # Adam.adam_update
    beta1, beta2 = group["betas"]
    bias_correction1 = 1 - beta1 ** st["step"]
    bias_correction2 = 1 - beta2 ** st["step"]
    denominator = (v.sqrt() / math.sqrt(bias_correction2)).add_(group["eps"])
    step_size = group["lr"] / bias_correction1
    param.data.addcdiv_(m, denominator, value=-step_size)


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    group = {"lr": lr, "betas": betas, "eps": eps}
    step = state.get("step", 0)
    new_params, new_m, new_v = [], [], []
    for i, (p, g) in enumerate(zip(params, grads)):
        if state:
            st = {"step": step, "exp_avg": state["m"][i].clone(),
                  "exp_avg_sq": state["v"][i].clone()}
        else:  # Adam.init_state
            st = {"step": 0, "exp_avg": torch.zeros_like(p), "exp_avg_sq": torch.zeros_like(p)}
        param = p.clone()
        m, v = _get_mv(st, group, g)  # Adam.calculate, weight decay 0
        st["step"] += 1
        _adam_update(st, group, param, m, v)
        new_params.append(param)
        new_m.append(m)
        new_v.append(v)
    return new_params, {"step": step + 1, "m": new_m, "v": new_v}
