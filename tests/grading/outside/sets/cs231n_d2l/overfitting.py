"""d2l: sum(w.pow(2)) / 2, dropout mask rand > p (float), index(max) best epoch."""
import torch


def l2_penalty(w):
    return torch.sum(w.pow(2)) / 2


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError("dropout must be between 0 and 1")
    if dropout == 1:
        return torch.zeros_like(X)
    if dropout == 0:
        return X
    mask = (torch.rand(X.shape) > dropout).float()
    return mask * X / (1.0 - dropout)


def best_epoch(scores):
    if len(scores) == 0:
        raise ValueError("no epoch to choose from: scores is empty")
    return scores.index(max(scores)) + 1


def weight_decay_step(w, grad, lr, weight_decay):
    return (1 - lr * weight_decay) * w - lr * grad
