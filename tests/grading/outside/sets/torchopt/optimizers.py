"""TorchOpt (metaopt/torchopt, Apache-2.0), the optax design in torch: alias sgd / adagrad /
rmsprop / adam as chain(transform, scale_by_neg_lr) and apply_updates; transform/trace.py,
scale_by_rss.py, scale_by_rms.py, scale_by_adam.py, utils.update_moment (inplace=False). See
README.md."""
import torch


def _update_moment(updates, moments, decay, order):
    # torchopt/transform/utils.py _update_moment (inplace=False)
    if order == 2:
        return [t.mul(decay).addcmul_(g, g, value=1 - decay) for g, t in zip(updates, moments)]
    return [t.mul(decay).add_(g, alpha=1 - decay) for g, t in zip(updates, moments)]


def _scale_by_neg_lr(updates, lr):
    return [u.mul(-lr) for u in updates]


def _apply_updates(params, updates):
    return [p.add(u) for p, u in zip(params, updates)]


def sgd_step(params, grads, state, lr):
    # alias.sgd: chain(trace(momentum=0) -> identity, scale_by_neg_lr(lr))
    return _apply_updates(params, _scale_by_neg_lr(grads, lr)), {}


def _trace(grads, state, momentum, nesterov, dampening=0.0):
    first_call = not state
    trace = state.get("v") or [torch.zeros_like(g) for g in grads]

    def f(t, g):
        if first_call:
            return t.add(g)
        return t.mul(momentum).add_(g, alpha=1.0 - dampening)

    new_trace = [f(t, g) for t, g in zip(trace, grads)]
    if nesterov:
        updates = [g.add(t, alpha=momentum) for t, g in zip(new_trace, grads)]
    else:
        updates = [torch.clone(t) for t in new_trace]
    return updates, {"v": new_trace}


def momentum_step(params, grads, state, lr, momentum):
    updates, state = _trace(grads, state, momentum, nesterov=False)
    return _apply_updates(params, _scale_by_neg_lr(updates, lr)), state


def nesterov_step(params, grads, state, lr, momentum):
    updates, state = _trace(grads, state, momentum, nesterov=True)
    return _apply_updates(params, _scale_by_neg_lr(updates, lr)), state


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    # scale_by_rss(initial_accumulator_value=0.0, eps) then scale_by_neg_lr (lr_decay 0)
    sos = state.get("s") or [torch.full_like(p, 0.0) for p in params]
    sos = [t.addcmul(g, g) for g, t in zip(grads, sos)]
    updates = [torch.where(s > 0.0, g.div(s.sqrt().add(eps)), 0.0) for s, g in zip(sos, grads)]
    return _apply_updates(params, _scale_by_neg_lr(updates, lr)), {"s": sos}


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    # scale_by_rms(alpha, eps, initial_scale=0.0) then scale_by_neg_lr
    nu = state.get("s") or [torch.full_like(p, 0.0) for p in params]
    nu = _update_moment(grads, nu, alpha, order=2)
    updates = [g.div(n.sqrt().add(eps)) for n, g in zip(nu, grads)]
    return _apply_updates(params, _scale_by_neg_lr(updates, lr)), {"s": nu}


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    b1, b2 = betas
    eps_root = 0.0
    mu = _update_moment(grads, state.get("m") or [torch.zeros_like(p) for p in params], b1, 1)
    nu = _update_moment(grads, state.get("v") or [torch.zeros_like(p) for p in params], b2, 2)
    count_inc = state.get("step", 0) + 1
    mu_hat = [t.div(1 - pow(b1, count_inc)) for t in mu]
    nu_hat = [t.div(1 - pow(b2, count_inc)) for t in nu]
    updates = [m.div(v.add(eps_root).sqrt_().add(eps)) for m, v in zip(mu_hat, nu_hat)]
    return _apply_updates(params, _scale_by_neg_lr(updates, lr)), {"step": count_inc, "m": mu, "v": nu}
