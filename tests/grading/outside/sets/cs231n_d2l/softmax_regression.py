"""CS231n-style: max subtraction, gather, eye indexing, where-entropy (d2l's accuracy,
wrong for q = 1 and n > 1, is pinned in test_outside's _WRONG_OUTSIDE)."""
import torch


def softmax(X):
    X = X - X.max(dim=1, keepdim=True).values
    X_exp = torch.exp(X)
    partition = X_exp.sum(1, keepdim=True)
    return X_exp / partition


def cross_entropy(y_hat, y):
    return -torch.log(y_hat.gather(1, y.unsqueeze(1))).squeeze(1)


def accuracy(y_hat, y):  # d2l's: no argmax for q = 1, an (n, n) table; see _WRONG_OUTSIDE
    raise NotImplementedError("d2l's accuracy compares one column's scores with y (q = 1)")


def one_hot(y, num_classes):
    return torch.eye(num_classes)[y]


def entropy(p):
    return -torch.where(p > 0, p * torch.log(p), torch.zeros_like(p)).sum(dim=-1)
