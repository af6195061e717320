"""Nesterov written exactly like plain momentum: no look-ahead."""


def nesterov_step(params, grads, state, lr, momentum):
    old_v = state.get("v", [torch.zeros_like(g) for g in grads])
    v = [momentum * vi + g for vi, g in zip(old_v, grads, strict=True)]
    return [p - lr * vi for p, vi in zip(params, v, strict=True)], {"v": v}
