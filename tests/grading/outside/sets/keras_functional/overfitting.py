"""The penalty as half the squared vector_norm, dropout from torch.rand_like with an explicit
range check, best_epoch with functools.reduce over the indices, weight decay in torch.optim.SGD's
order (the decay added to the gradient first)."""
import functools

import torch


def l2_penalty(w):
    return torch.linalg.vector_norm(w).square() / 2


def dropout_layer(X, dropout):
    if not 0.0 <= dropout <= 1.0:
        raise ValueError(f"dropout must be a probability in [0, 1], got {dropout}")
    if dropout == 1.0:
        return torch.zeros_like(X)
    keep = torch.rand_like(X) >= dropout
    return X * keep / (1.0 - dropout)


def best_epoch(scores):
    if not scores:
        raise ValueError("best_epoch: no scores, so there is no epoch to choose from")
    best = functools.reduce(lambda b, i: i if scores[i] > scores[b] else b, range(len(scores)))
    return best + 1


def weight_decay_step(w, grad, lr, weight_decay):
    return w - lr * torch.add(grad, w, alpha=weight_decay)
