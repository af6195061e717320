"""Reference answers for exercises/optimizers.py.

Each rule is a pure function: it builds new tensors and new state, and leaves its inputs alone.
The conventions are torch.optim's (eps added after the square root; first momentum buffer equal
to the first gradient), so that every rule matches its torch.optim twin step for step.
"""

import math

import torch


def sgd_step(params, grads, state, lr):
    new_params = [p - lr * g for p, g in zip(params, grads, strict=True)]
    return new_params, {}


def momentum_step(params, grads, state, lr, momentum):
    old_v = state.get("v", [torch.zeros_like(g) for g in grads])
    v = [momentum * vi + g for vi, g in zip(old_v, grads, strict=True)]
    new_params = [p - lr * vi for p, vi in zip(params, v, strict=True)]
    return new_params, {"v": v}


def nesterov_step(params, grads, state, lr, momentum):
    old_v = state.get("v", [torch.zeros_like(g) for g in grads])
    v = [momentum * vi + g for vi, g in zip(old_v, grads, strict=True)]
    new_params = [p - lr * (g + momentum * vi) for p, g, vi in zip(params, grads, v, strict=True)]
    return new_params, {"v": v}


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    old_s = state.get("s", [torch.zeros_like(g) for g in grads])
    s = [si + g * g for si, g in zip(old_s, grads, strict=True)]
    new_params = [
        p - lr * g / (si.sqrt() + eps) for p, g, si in zip(params, grads, s, strict=True)
    ]
    return new_params, {"s": s}


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    old_s = state.get("s", [torch.zeros_like(g) for g in grads])
    s = [alpha * si + (1 - alpha) * g * g for si, g in zip(old_s, grads, strict=True)]
    new_params = [
        p - lr * g / (si.sqrt() + eps) for p, g, si in zip(params, grads, s, strict=True)
    ]
    return new_params, {"s": s}


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2 = betas
    t = state.get("step", 0) + 1
    old_m = state.get("m", [torch.zeros_like(g) for g in grads])
    old_v = state.get("v", [torch.zeros_like(g) for g in grads])
    m = [beta1 * mi + (1 - beta1) * g for mi, g in zip(old_m, grads, strict=True)]
    v = [beta2 * vi + (1 - beta2) * g * g for vi, g in zip(old_v, grads, strict=True)]
    new_params = []
    for p, mi, vi in zip(params, m, v, strict=True):
        m_hat = mi / (1 - beta1**t)
        v_hat = vi / (1 - beta2**t)
        new_params.append(p - lr * m_hat / (v_hat.sqrt() + eps))
    return new_params, {"step": t, "m": m, "v": v}


# -- known mistakes ----------------------------------------------------------------------------
# Rules with one mistake each, which checks/optimizers.py compares a wrong trajectory with to
# name the mistake (its MISTAKES). They live here, with the answers, because the student edition
# holds the checks: a rule with one mistake is one edit away from the answer. The edition
# replays their recorded paths, as it replays the answers.


def known_mistake(kind, params, grads, state, **hyper):
    """One step of the rule ``kind`` ("adam:no_correction", ...: MISTAKES in the checks)."""
    return _MISTAKEN[kind](params, grads, state, **hyper)


def _zeros(grads):
    return [torch.zeros_like(g) for g in grads]


def _sgd_ascent(params, grads, state, lr):
    return [p + lr * g for p, g in zip(params, grads, strict=True)], {}


def _sgd_no_lr(params, grads, state, lr):
    return [p - g for p, g in zip(params, grads, strict=True)], {}


def _momentum_late(params, grads, state, lr, momentum):
    v_old = state.get("v", _zeros(grads))
    new = [p - lr * momentum * v for p, v in zip(params, v_old, strict=True)]
    return new, {"v": [momentum * v + g for v, g in zip(v_old, grads, strict=True)]}


def _momentum_dampened(params, grads, state, lr, momentum):
    v = [momentum * v + (1 - momentum) * g
         for v, g in zip(state.get("v", _zeros(grads)), grads, strict=True)]  # fmt: skip
    return [p - lr * vi for p, vi in zip(params, v, strict=True)], {"v": v}


def _momentum_with_g(params, grads, state, lr, momentum):
    v = [momentum * v + g for v, g in zip(state.get("v", _zeros(grads)), grads, strict=True)]
    return [p - lr * g for p, g in zip(params, grads, strict=True)], {"v": v}


def _divide(params, grads, s, lr, eps, mistake):
    return [
        p - lr * g / ((si + eps).sqrt() if mistake == "inside" else
                      (si if mistake == "no_root" else si.sqrt()) + eps)
        for p, g, si in zip(params, grads, s, strict=True)
    ]  # fmt: skip


def _adagrad(mistake):
    def rule(params, grads, state, lr=0.01, eps=1e-10):
        s = [(0 if mistake == "not_running" else si) + (g.abs() if mistake == "abs" else g * g)
             for si, g in zip(state.get("s", _zeros(grads)), grads, strict=True)]  # fmt: skip
        eps = 0.0 if mistake == "no_eps" else eps
        return _divide(params, grads, s, lr, eps, mistake), {"s": s}

    return rule


def _rmsprop(mistake):
    def rule(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
        keep, new = alpha, 1 - alpha
        if mistake in ("swapped", "no_one_minus"):
            keep, new = (1 - alpha, alpha) if mistake == "swapped" else (alpha, 1.0)
        s = [keep * si + new * g * g
             for si, g in zip(state.get("s", _zeros(grads)), grads, strict=True)]  # fmt: skip
        divide_by = state.get("s", _zeros(grads)) if mistake == "old_s" else s
        eps = 0.0 if mistake == "no_eps" else eps
        return _divide(params, grads, divide_by, lr, eps, mistake), {"s": s}

    return rule


def _adam(mistake):
    def rule(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
        b1, b2 = reversed(betas) if mistake == "swapped" else betas
        if mistake == "float32_betas":  # torch.tensor(betas): float32 in every use
            b1, b2 = torch.tensor(betas, dtype=torch.float32)
        t = state.get("step", 0) + 1
        m = [b1 * mi + (1 - b1) * g
             for mi, g in zip(state.get("m", _zeros(grads)), grads, strict=True)]  # fmt: skip
        v = [b2 * vi + (1 - b2) * g * g
             for vi, g in zip(state.get("v", _zeros(grads)), grads, strict=True)]  # fmt: skip
        if mistake == "v_not_running":
            v = [(1 - b2) * g * g for g in grads]
        c1, c2 = {"no_correction": (1.0, 1.0), "constant": (1 - b1, 1 - b2),
                  "squared": (1 - b1**2, 1 - b2**2),
                  "m_only": (1 - b1**t, 1.0)}.get(mistake, (1 - b1**t, 1 - b2**t))  # fmt: skip
        if mistake in ("float32_power", "float32_product"):  # betas as float32 tensors
            powers = [torch.tensor(b, dtype=torch.float32) ** t for b in (b1, b2)]
            if mistake == "float32_product":  # tinygrad's: beta^t by t products
                powers = [math.prod([torch.tensor(b, dtype=torch.float32)] * t,
                                    start=torch.ones((), dtype=torch.float32)) for b in (b1, b2)]
            c1, c2 = (1.0 - power for power in powers)
        eps = 0.0 if mistake == "no_eps" else eps
        new = []
        for p, mi, vi in zip(params, m, v, strict=True):
            v_hat = vi / c2
            denom = (v_hat + eps).sqrt() if mistake == "inside" else v_hat.sqrt() + eps
            if mistake == "folded":  # the paper's faster form: eps meets sqrt(v), not sqrt(v_hat)
                denom = (vi.sqrt() + eps) / math.sqrt(c2)
            new.append(p - lr * (mi / c1) / denom)
        return new, {"step": t, "m": m, "v": v}

    return rule


_MISTAKEN = {
    "sgd:ascent": _sgd_ascent,
    "sgd:no_lr": _sgd_no_lr,
    "momentum:late": _momentum_late,
    "momentum:dampened": _momentum_dampened,
    "momentum:with_g": _momentum_with_g,
    **{f"adagrad:{m}": _adagrad(m) for m in ("abs", "inside", "not_running", "no_eps", "no_root")},
    **{f"rmsprop:{m}": _rmsprop(m) for m in ("swapped", "no_one_minus", "inside", "no_eps",
                                               "old_s")},  # fmt: skip
    **{f"adam:{m}": _adam(m) for m in ("no_correction", "constant", "m_only", "inside", "no_eps",
                                         "swapped", "folded", "squared", "v_not_running",
                                         "float32_betas", "float32_power", "float32_product")},
}
