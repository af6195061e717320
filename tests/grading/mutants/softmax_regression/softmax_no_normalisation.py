"""Softmax that exponentiates but forgets to divide by the row sum."""

import torch


def softmax(X):
    return torch.exp(X - X.max(dim=1, keepdim=True).values)
