"""momentum_step with MLX's learning rate: mx.array(lr) is float32, cast back with
.astype(gradient.dtype), while momentum stays a Python float. Every float64 step is off by a
few parts in 10^9; it was told "what goes wrong is the state you return" (outside set mlx,
session 35), as only the path with every hyperparameter rounded was compared.

Says (momentum_step): takes its learning rate as a float32 number
"""


def momentum_step(params, grads, state, lr, momentum):
    lr_t = torch.tensor(lr, dtype=torch.float32)
    old_v = state.get("v", [torch.zeros_like(g) for g in grads])
    v = [momentum * vi + g for vi, g in zip(old_v, grads, strict=True)]
    return [p - lr_t.to(vi.dtype) * vi for p, vi in zip(params, v, strict=True)], {"v": v}
