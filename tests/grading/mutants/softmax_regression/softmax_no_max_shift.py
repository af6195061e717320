"""Naive softmax without subtracting the row maximum: exp(1000) overflows to inf, giving nan.
Its gradient there is blamed on the overflow, not on a torch.where.

Says (softmax): and so does softmax(X) itself
"""

import torch


def softmax(X):
    exps = torch.exp(X)
    return exps / exps.sum(dim=1, keepdim=True)
