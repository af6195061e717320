"""d2l's MXNet dropout (uniform draws compared with the rate, early returns) with a
ValueError instead of its assert, the penalty through vector_norm, SGD's own
weight-decay formula (grad.add(w, alpha=wd)), best epoch by max over a key."""
import torch


def l2_penalty(w):
    return torch.linalg.vector_norm(w) ** 2 / 2


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1:
        return torch.zeros_like(X)
    if dropout == 0:
        return X
    mask = (torch.rand(X.shape) > dropout).float()
    return mask * X / (1.0 - dropout)


def best_epoch(scores):
    if not scores:
        raise ValueError("no epoch to choose from: scores is empty")
    return max(range(len(scores)), key=scores.__getitem__) + 1


def weight_decay_step(w, grad, lr, weight_decay):
    d_p = grad.add(w, alpha=weight_decay)
    return w.add(d_p, alpha=-lr)
