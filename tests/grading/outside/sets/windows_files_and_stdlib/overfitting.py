import codecs

import torch

_LOG = "run.log"


def _note(msg):
    with open(_LOG, "a", encoding="ascii", errors="replace") as f:
        f.write(msg + "\n")


def l2_penalty(w):
    _note("l2_penalty")
    return (w * w).sum() / 2


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError("dropout must be in [0, 1]")
    if dropout == 1:
        return torch.zeros_like(X)
    mask = (torch.rand(X.shape) > dropout).to(X.dtype)
    return mask * X / (1 - dropout)


def best_epoch(scores):
    if not scores:
        raise ValueError("no epoch to choose from")
    return scores.index(max(scores)) + 1


def weight_decay_step(w, grad, lr, weight_decay):
    _note(codecs.encode("weight_decay_step", "ascii").decode("ascii"))
    return w - lr * (grad + weight_decay * w)
