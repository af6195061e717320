"""Kaggle notebooks: clamp at finfo.eps, eye rows as one-hot, d2l's float count over len."""
import torch


def softmax(X):
    X_exp = torch.exp(X - X.max(dim=1, keepdim=True)[0])
    partition = X_exp.sum(1)
    return X_exp / partition.reshape(-1, 1)


def cross_entropy(y_hat, y):
    eps = torch.finfo(y_hat.dtype).eps
    return -torch.log(y_hat[torch.arange(len(y)), y].clamp(eps, 1.0))


def accuracy(y_hat, y):
    cmp = y_hat.argmax(axis=1).type(y.dtype) == y
    return float(cmp.type(y.dtype).sum()) / len(y)


def one_hot(y, num_classes):
    return torch.eye(num_classes)[y]


def entropy(p):
    return -(p * torch.log(p + 1e-12)).sum(-1)
