import torch


def sgd_step(params, grads, state, lr):
    return [p - lr * g for p, g in zip(params, grads)], {}

def momentum_step(params, grads, state, lr, momentum):
    vs = state.get("v", [torch.zeros_like(p) for p in params])
    nv = [momentum * v + g for v, g in zip(vs, grads)]
    return [p - lr * v for p, v in zip(params, nv)], {"v": nv}

def nesterov_step(params, grads, state, lr, momentum):
    vs = state.get("v", [torch.zeros_like(p) for p in params])
    nv = [momentum * v + g for v, g in zip(vs, grads)]
    return [p - lr * (g + momentum * v) for p, g, v in zip(params, grads, nv)], {"v": nv}

def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    ss = state.get("s", [torch.zeros_like(p) for p in params])
    ns = [s + g * g for s, g in zip(ss, grads)]
    return [p - lr * g / (torch.sqrt(s) + eps) for p, g, s in zip(params, grads, ns)], {"s": ns}

def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    ss = state.get("s", [torch.zeros_like(p) for p in params])
    ns = [alpha * s + (1 - alpha) * g * g for s, g in zip(ss, grads)]
    return [p - lr * g / (torch.sqrt(s) + eps) for p, g, s in zip(params, grads, ns)], {"s": ns}

def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    b1, b2 = betas
    t = state.get("step", 0) + 1
    ms = state.get("m", [torch.zeros_like(p) for p in params])
    vs = state.get("v", [torch.zeros_like(p) for p in params])
    nm = [b1 * m + (1 - b1) * g for m, g in zip(ms, grads)]
    nv = [b2 * v + (1 - b2) * g * g for v, g in zip(vs, grads)]
    out = []
    for p, m, v in zip(params, nm, nv):
        mh = m / (1 - b1 ** t)
        vh = v / (1 - b2 ** t)
        out.append(p - lr * mh / (torch.sqrt(vh) + eps))
    return out, {"step": t, "m": nm, "v": nv}
