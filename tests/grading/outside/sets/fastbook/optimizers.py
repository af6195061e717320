"""Howard & Gugger, "Deep Learning for Coders with fastai and PyTorch" (fastai/fastbook, chapter
16 "The training process": average_grad without dampening, momentum_step) and the fastai
library's nbs/12_optimizer (average_sqr_grad with dampening, rms_prop_step), their callbacks
run on a clone of each parameter whose .grad is the given gradient. See README.md."""
import torch


def _average_grad(p, mom, grad_avg=None, **kwargs):  # fastbook ch16
    if grad_avg is None:
        grad_avg = torch.zeros_like(p.grad.data)
    return {"grad_avg": grad_avg * mom + p.grad.data}


def _momentum_step(p, lr, grad_avg, **kwargs):  # fastbook ch16: p.data.add_(-lr, grad_avg)
    p.data.add_(grad_avg, alpha=-lr)


def _average_sqr_grad(p, sqr_mom, dampening=True, sqr_avg=None, **kwargs):  # 12_optimizer
    if sqr_avg is None:
        sqr_avg = torch.zeros_like(p.grad.data)
    damp = 1 - sqr_mom if dampening else 1.
    sqr_avg.mul_(sqr_mom).addcmul_(p.grad.data, p.grad.data, value=damp)
    return {"sqr_avg": sqr_avg}


def _rms_prop_step(p, lr, sqr_avg, eps, grad_avg=None, **kwargs):  # 12_optimizer
    denom = sqr_avg.sqrt().add_(eps)
    p.data.addcdiv_((grad_avg if grad_avg is not None else p.grad), denom, value=-lr)


def _param(p, g):
    """A clone of p with g as its .grad, as fastai's Optimizer sees a parameter."""
    p = p.detach().clone()
    p.grad = g.detach().clone()
    return p


def sgd_step(params, grads, state, lr):
    raise NotImplementedError("not in the source")


def momentum_step(params, grads, state, lr, momentum):
    # Optimizer(cbs=[average_grad, momentum_step], mom=momentum): a callback's dict updates
    # the parameter's state, which the next callback receives as keywords
    new, velocities = [], []
    for i, (p, g) in enumerate(zip(params, grads)):
        p = _param(p, g)
        st = {"grad_avg": state["v"][i]} if state else {}
        st.update(_average_grad(p, mom=momentum, **st))
        _momentum_step(p, lr=lr, **st)
        new.append(p.detach())
        velocities.append(st["grad_avg"])
    return new, {"v": velocities}


def nesterov_step(params, grads, state, lr, momentum):
    raise NotImplementedError("not in the source")


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    raise NotImplementedError("not in the source")


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    # RMSProp(params, lr, sqr_mom=alpha), mom 0: cbs = [average_sqr_grad, rms_prop_step]
    new, averages = [], []
    for i, (p, g) in enumerate(zip(params, grads)):
        p = _param(p, g)
        st = {"sqr_avg": state["s"][i].clone()} if state else {}
        st.update(_average_sqr_grad(p, sqr_mom=alpha, **st))
        _rms_prop_step(p, lr=lr, eps=eps, **st)
        new.append(p.detach())
        averages.append(st["sqr_avg"])
    return new, {"s": averages}


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    raise NotImplementedError("not in the source")
