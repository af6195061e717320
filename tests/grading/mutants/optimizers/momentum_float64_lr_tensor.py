"""momentum_step makes the learning rate a float64 tensor (torch.tensor(lr, dtype=float64)):
times a 0-dim float32 parameter's velocity, the product and the new parameter are float64.

Says (momentum_step): keep the parameter's dtype
"""


def momentum_step(params, grads, state, lr, momentum):
    lr_t = torch.tensor(lr, dtype=torch.float64)
    old_v = state.get("v", [torch.zeros_like(g) for g in grads])
    v = [momentum * vi + g for vi, g in zip(old_v, grads, strict=True)]
    return [p - lr_t * vi for p, vi in zip(params, v, strict=True)], {"v": v}
