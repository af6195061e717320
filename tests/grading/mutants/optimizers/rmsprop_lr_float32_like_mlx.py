"""rmsprop_step with MLX's learning rate (mx.array(lr), float32, .astype(gradient.dtype)) and
alpha a Python float: it was told "Your denominator has no eps" (outside set mlx, session 35).

Says (rmsprop_step): takes its learning rate as a float32 number
"""


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    old = state.get("s", [torch.zeros_like(g) for g in grads])
    s = [alpha * si + (1 - alpha) * g * g for si, g in zip(old, grads, strict=True)]
    lr_t = torch.tensor(lr, dtype=torch.float32)
    return [p - lr_t.to(g.dtype) * g / (torch.sqrt(si) + eps)
            for p, g, si in zip(params, grads, s, strict=True)], {"s": s}
