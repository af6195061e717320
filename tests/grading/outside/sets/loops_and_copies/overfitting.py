"""rand in X's dtype, mask multiply then scale, sorted best epoch, torch.norm squared."""
import torch


def l2_penalty(w):
    return torch.norm(w) ** 2 / 2


def dropout_layer(X, dropout):
    if dropout < 0.0 or dropout > 1.0:
        raise ValueError("dropout must lie in [0, 1]")
    if dropout == 1.0:
        return torch.zeros_like(X)
    mask = (torch.rand(X.shape, dtype=X.dtype) > dropout).to(X.dtype)
    return X * mask * (1.0 / (1.0 - dropout))


def best_epoch(scores):
    if len(scores) == 0:
        raise ValueError("there is no epoch to choose from")
    return sorted(range(len(scores)), key=lambda i: (-scores[i], i))[0] + 1


def weight_decay_step(w, grad, lr, weight_decay):
    w = w * (1 - lr * weight_decay)
    w = w - lr * grad
    return w
