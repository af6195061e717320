"""Chainer chainer/optimizers/: sgd.py (param.data -= lr * grad), ada_grad.py AdaGradRule
.update_core_cpu (h += grad * grad; param.data -= lr * grad / (numpy.sqrt(h) + eps)),
rmsprop.py RMSpropRule.update_core_cpu, eps_inside_sqrt=False (ms *= alpha; ms += (1 - alpha) *
grad * grad; denom = numpy.sqrt(ms) + eps; param.data -= lr * grad / denom). The state arrays
are updated in place, on clones here."""
import torch


def sgd_step(params, grads, state, lr):
    out = []
    for p, grad in zip(params, grads):
        data = p.clone()
        data -= lr * grad
        out.append(data)
    return out, {}


def momentum_step(params, grads, state, lr, momentum):
    raise NotImplementedError("not in the source")


def nesterov_step(params, grads, state, lr, momentum):
    raise NotImplementedError("not in the source")


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    hs = [h.clone() for h in state["s"]] if "s" in state else [torch.zeros_like(p) for p in params]
    out = []
    for p, grad, h in zip(params, grads, hs):
        h += grad * grad
        data = p.clone()
        data -= lr * grad / (torch.sqrt(h) + eps)
        out.append(data)
    return out, {"s": hs}


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    mss = [m.clone() for m in state["s"]] if "s" in state else [torch.zeros_like(p) for p in params]
    eps_inside_sqrt = False
    out = []
    for p, grad, ms in zip(params, grads, mss):
        ms *= alpha
        ms += (1 - alpha) * grad * grad
        if eps_inside_sqrt:
            denom = torch.sqrt(ms + eps)
        else:
            denom = torch.sqrt(ms) + eps
        data = p.clone()
        data -= lr * grad / denom
        out.append(data)
    return out, {"s": mss}


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    raise NotImplementedError("not in the source")  # Chainer's Adam folds alpha_t (known)
