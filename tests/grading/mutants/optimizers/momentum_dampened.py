"""Momentum as an exponential moving average, v <- beta v + (1 - beta) g (dampening=beta)."""


def momentum_step(params, grads, state, lr, momentum):
    old_v = state.get("v", [torch.zeros_like(g) for g in grads])
    v = [momentum * vi + (1 - momentum) * g for vi, g in zip(old_v, grads, strict=True)]
    return [p - lr * vi for p, vi in zip(params, v, strict=True)], {"v": v}
