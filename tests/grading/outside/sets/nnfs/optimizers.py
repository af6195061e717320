"""nnfs_book: Optimizer_SGD (momentum 0), Optimizer_Adagrad, Optimizer_RMSprop (rho = alpha),
Optimizer_Adam (iterations + 1 = state['step'] + 1), decay 0, for a list of parameters."""
import torch


def sgd_step(params, grads, state, lr):
    return [w + -lr * g for w, g in zip(params, grads)], {}


def momentum_step(params, grads, state, lr, momentum):
    raise NotImplementedError("left out: its momentum holds momentum * u - lr * g (Keras' form), not v (deserved)")


def nesterov_step(params, grads, state, lr, momentum):
    raise NotImplementedError("not in the source")


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    cache = state.get("s") or [torch.zeros_like(w) for w in params]
    cache = [c + g**2 for c, g in zip(cache, grads)]
    new = [w + -lr * g / (torch.sqrt(c) + eps) for w, g, c in zip(params, grads, cache)]
    return new, {"s": cache}


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    rho = alpha
    cache = state.get("s") or [torch.zeros_like(w) for w in params]
    cache = [rho * c + (1 - rho) * g**2 for c, g in zip(cache, grads)]
    new = [w + -lr * g / (torch.sqrt(c) + eps) for w, g, c in zip(params, grads, cache)]
    return new, {"s": cache}


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta_1, beta_2 = betas
    iterations = state.get("step", 0)
    momentums = state.get("m") or [torch.zeros_like(w) for w in params]
    cache = state.get("v") or [torch.zeros_like(w) for w in params]
    momentums = [beta_1 * m + (1 - beta_1) * g for m, g in zip(momentums, grads)]
    cache = [beta_2 * c + (1 - beta_2) * g**2 for c, g in zip(cache, grads)]
    new = []
    for w, m, c in zip(params, momentums, cache):
        m_corrected = m / (1 - beta_1 ** (iterations + 1))
        c_corrected = c / (1 - beta_2 ** (iterations + 1))
        new.append(w + -lr * m_corrected / (torch.sqrt(c_corrected) + eps))
    return new, {"step": iterations + 1, "m": momentums, "v": cache}
