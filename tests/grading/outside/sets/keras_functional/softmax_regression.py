"""Softmax worked out in float64 and cast back, gather for the true class, statistics.fmean
for the accuracy, one-hot by comparing with an arange, entropy with p clamped to the dtype's
smallest normal number under the log."""
import statistics

import torch


def softmax(X):
    Z = X.double()
    E = (Z - Z.amax(dim=1, keepdim=True)).exp()
    return (E / E.sum(dim=1, keepdim=True)).to(X.dtype)


def cross_entropy(y_hat, y):
    return y_hat.gather(1, y.view(-1, 1)).squeeze(1).log().neg()


def accuracy(y_hat, y):
    return statistics.fmean((y_hat.argmax(dim=1) == y).tolist())


def one_hot(y, num_classes):
    return (y.unsqueeze(1) == torch.arange(num_classes)).float()


def entropy(p):
    return -(p * p.clamp_min(torch.finfo(p.dtype).tiny).log()).sum(dim=-1)
