"""optax: sgd (trace, then scale(-lr)), scale_by_adam (count an int), apply_updates. adagrad
and rmsprop are left out (README.md)."""
import torch


def _scale(updates, step_size):
    return [step_size * u for u in updates]


def _apply_updates(params, updates):
    return [p + u for p, u in zip(params, updates)]


def sgd_step(params, grads, state, lr):
    return _apply_updates(params, _scale(grads, -lr)), {}


def _trace(updates, state, decay, nesterov):
    # optax.trace
    trace = state.get("v") or [torch.zeros_like(g) for g in updates]
    f = lambda g, t: g + decay * t  # noqa: E731
    new_trace = [f(g, t) for g, t in zip(updates, trace)]
    updates = [f(g, t) for g, t in zip(updates, new_trace)] if nesterov else new_trace
    return updates, {"v": new_trace}


def momentum_step(params, grads, state, lr, momentum):
    updates, state = _trace(grads, state, momentum, nesterov=False)
    return _apply_updates(params, _scale(updates, -lr)), state


def nesterov_step(params, grads, state, lr, momentum):
    updates, state = _trace(grads, state, momentum, nesterov=True)
    return _apply_updates(params, _scale(updates, -lr)), state


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    # optax.adagrad: scale_by_rss(initial_accumulator_value=0.1, eps)
    raise NotImplementedError('left out: scale_by_rss starts at 0.1, rsqrt(s + eps) (deserved)')


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    # optax.rmsprop: scale_by_rms(decay, eps, initial_scale=0, eps_in_sqrt=True)
    raise NotImplementedError("left out: scale_by_rms's rsqrt(nu + eps), eps inside (deserved)")


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    # optax.scale_by_adam, then scale(-lr)
    b1, b2 = betas
    eps_root = 0.0
    mu = state.get("m") or [torch.zeros_like(p) for p in params]
    nu = state.get("v") or [torch.zeros_like(p) for p in params]
    mu = [(1 - b1) * g + b1 * t for g, t in zip(grads, mu)]
    nu = [(1 - b2) * (g**2) + b2 * t for g, t in zip(grads, nu)]
    count_inc = state.get("step", 0) + 1
    mu_hat = [t / (1 - b1**count_inc) for t in mu]
    nu_hat = [t / (1 - b2**count_inc) for t in nu]
    updates = [m / (torch.sqrt(v + eps_root) + eps) for m, v in zip(mu_hat, nu_hat)]
    return _apply_updates(params, _scale(updates, -lr)), {"step": count_inc, "m": mu, "v": nu}
