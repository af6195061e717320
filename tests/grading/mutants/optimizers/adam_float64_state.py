"""adam_step starts its state as float64 zeros (torch.zeros(g.shape, dtype=torch.float64)): right
for float64 parameters, but float32 ones (the chapter's models) come back float64. Only
momentum_step was run with float32 parameters (a red team's, session 32: 4/4, and the same for
adagrad, rmsprop and nesterov).

Says (adam_step): build no float64 tensor of your own
"""


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2 = betas
    t = state.get("step", 0) + 1
    zeros = [torch.zeros(g.shape, dtype=torch.float64) for g in grads]
    old_m, old_v = state.get("m", zeros), state.get("v", zeros)
    m = [beta1 * mi + (1 - beta1) * g for mi, g in zip(old_m, grads, strict=True)]
    v = [beta2 * vi + (1 - beta2) * g * g for vi, g in zip(old_v, grads, strict=True)]
    new_params = [p - lr * (mi / (1 - beta1**t)) / ((vi / (1 - beta2**t)).sqrt() + eps)
                  for p, mi, vi in zip(params, m, v, strict=True)]
    return new_params, {"step": t, "m": m, "v": v}
