"""Softmax regression with torch built-ins and the d2l book's indexing.

Idioms: softmax as exp(X - logsumexp(X)); d2l's ``y_hat[range(len(y_hat)), y]``; accuracy
returned as a 0-d float32 tensor (``.float().mean()``); ``F.one_hot`` converted to float32;
entropy with ``torch.special.entr``.
"""

import torch
import torch.nn.functional as F


def softmax(X: torch.Tensor) -> torch.Tensor:
    return torch.exp(X - torch.logsumexp(X, dim=1, keepdim=True))


def cross_entropy(y_hat: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return -torch.log(y_hat[range(len(y_hat)), y])


def accuracy(y_hat: torch.Tensor, y: torch.Tensor) -> float:
    return (y_hat.argmax(dim=1) == y).float().mean()


def one_hot(y: torch.Tensor, num_classes: int) -> torch.Tensor:
    return F.one_hot(y, num_classes).to(torch.float32)


def entropy(p: torch.Tensor) -> torch.Tensor:
    return torch.special.entr(p).sum(dim=-1)
