"""AdaGrad that accumulates into the given state's tensors in place (s.add_)."""


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    s = state.get("s", [torch.zeros_like(g) for g in grads])
    for si, g in zip(s, grads, strict=True):
        si.add_(g * g)
    new = [p - lr * g / (si.sqrt() + eps)
           for p, g, si in zip(params, grads, s, strict=True)]
    return new, {"s": s}
