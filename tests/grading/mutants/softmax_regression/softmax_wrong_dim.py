"""Softmax normalised over dim=0 (down the columns) instead of over each row."""

import torch


def softmax(X):
    shifted = X - X.max(dim=0, keepdim=True).values
    exps = torch.exp(shifted)
    return exps / exps.sum(dim=0, keepdim=True)
