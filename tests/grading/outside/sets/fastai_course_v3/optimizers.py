"""fast.ai course-v3 part 2 (Apache-2.0), nbs/dl2/exp/nb_09.py: the steppers sgd_step,
weight_decay, momentum_step, adam_step with debias(), and the stats AverageGrad,
AverageSqrGrad, StepCount, run on copies of the parameters. See README.md."""
import torch


def _sgd_step(p, g, lr, **kwargs):  # nb_09 sgd_step: p.data.add_(-lr, p.grad.data)
    p.data.add_(g, alpha=-lr)
    return p


def _weight_decay(p, lr, wd=0.0, **kwargs):  # nb_09 weight_decay
    p.data.mul_(1 - lr * wd)
    return p


def _momentum_step(p, lr, grad_avg, **kwargs):  # nb_09 momentum_step
    p.data.add_(grad_avg, alpha=-lr)
    return p


def _average_grad(g, state, mom, dampening):  # nb_09 AverageGrad.update
    state["mom_damp"] = 1 - mom if dampening else 1.0
    state["grad_avg"].mul_(mom).add_(g, alpha=state["mom_damp"])
    return state


def _average_sqr_grad(g, state, sqr_mom, dampening=True):  # nb_09 AverageSqrGrad.update
    state["sqr_damp"] = 1 - sqr_mom if dampening else 1.0
    state["sqr_avg"].mul_(sqr_mom).addcmul_(g, g, value=state["sqr_damp"])
    return state


def _debias(mom, damp, step):
    return damp * (1 - mom**step) / (1 - mom)


def _adam_step(p, lr, mom, mom_damp, step, sqr_mom, sqr_damp, grad_avg, sqr_avg, eps, **kwargs):
    debias1 = _debias(mom, mom_damp, step)
    debias2 = _debias(sqr_mom, sqr_damp, step)
    p.data.addcdiv_(grad_avg, (sqr_avg / debias2).sqrt() + eps, value=-lr / debias1)
    return p


def sgd_step(params, grads, state, lr):
    # sgd_opt = Optimizer(steppers=[weight_decay, sgd_step]), wd 0, on copies of the params
    new = []
    for p, g in zip(params, grads):
        p = p.clone()
        for stepper in (_weight_decay, _sgd_step):
            p = stepper(p, g=g, lr=lr)
        new.append(p)
    return new, {}


def momentum_step(params, grads, state, lr, momentum):
    # StatefulOptimizer(steppers=momentum_step, stats=AverageGrad()), dampening False
    new, avgs = [], []
    for i, (p, g) in enumerate(zip(params, grads)):
        st = {"grad_avg": (state["v"][i] if state else torch.zeros_like(g)).clone()}
        st = _average_grad(g, st, momentum, dampening=False)
        new.append(_momentum_step(p.clone(), lr, **st))
        avgs.append(st["grad_avg"])
    return new, {"v": avgs}


def nesterov_step(params, grads, state, lr, momentum):
    raise NotImplementedError("not in the source")


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    raise NotImplementedError("not in the source")


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    raise NotImplementedError("not in the source")


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    # adam_opt: stats AverageGrad(dampening=True), AverageSqrGrad(), StepCount(); adam_step
    mom, sqr_mom = betas
    step = state.get("step", 0) + 1
    new, ms, vs = [], [], []
    for i, (p, g) in enumerate(zip(params, grads)):
        st = {"grad_avg": (state["m"][i] if state else torch.zeros_like(g)).clone(),
              "sqr_avg": (state["v"][i] if state else torch.zeros_like(g)).clone(), "step": step}
        st = _average_grad(g, st, mom, dampening=True)
        st = _average_sqr_grad(g, st, sqr_mom)
        new.append(_adam_step(p.clone(), lr, mom=mom, sqr_mom=sqr_mom, eps=eps, **st))
        ms.append(st["grad_avg"])
        vs.append(st["sqr_avg"])
    return new, {"step": step, "m": ms, "v": vs}
