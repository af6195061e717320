"""NumPy-first: argmax in numpy (np.int64 + 1), Python float math, torch only where autograd is."""
import numpy as np
import torch


def l2_penalty(w):
    return torch.sum(w ** 2) / 2


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError("dropout must be in [0, 1]")
    if dropout == 1:
        return torch.zeros_like(X)
    mask = (torch.rand(X.shape) < 1 - dropout).to(X.dtype)
    return mask * X / (1 - dropout)


def best_epoch(scores):
    if len(scores) == 0:
        raise ValueError("no epoch to choose from")
    return int(np.argmax(np.asarray(scores))) + 1


def weight_decay_step(w, grad, lr, weight_decay):
    return torch.from_numpy((1 - lr * weight_decay) * w.numpy() - lr * grad.numpy())
