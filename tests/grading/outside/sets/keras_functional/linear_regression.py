"""Keras / Lightning habits: NamedTuples for the returned pairs, F.linear as the model (also
in synthetic_data), batches cut with itertools.islice from an iterator of a randperm's list,
sgd under a @torch.no_grad() decorator that gives each p a fresh zeros_like gradient, lstsq
with an explicit driver and its solution split into w and b."""
import itertools
from typing import NamedTuple

import torch
import torch.nn.functional as F


class Dataset(NamedTuple):
    X: torch.Tensor
    y: torch.Tensor


class Solution(NamedTuple):
    w: torch.Tensor
    b: torch.Tensor


def synthetic_data(w, b, num_examples):
    X = torch.randn(num_examples, w.numel(), dtype=w.dtype)
    y = F.linear(X, w.unsqueeze(0), torch.full((1,), float(b), dtype=w.dtype))
    return Dataset(X, y + torch.randn_like(y) * 0.01)


def data_iter(batch_size, features, labels):
    order = iter(torch.randperm(len(features)).tolist())
    while batch := list(itertools.islice(order, batch_size)):
        yield features[batch], labels[batch]


def linreg(X, w, b):
    return F.linear(X, w.T, b.reshape(-1))


def squared_loss(y_hat, y):
    return F.mse_loss(y_hat, y.view_as(y_hat), reduction="none") / 2


@torch.no_grad()
def sgd(params, lr, batch_size):
    for p in params:
        p.add_(p.grad, alpha=-lr / batch_size)
        p.grad = torch.zeros_like(p)


def closed_form(X, y):
    X1 = torch.cat([X, X.new_ones(len(X), 1)], dim=1)
    theta = torch.linalg.lstsq(X1, y.reshape(len(y), 1).to(X.dtype), driver="gelsd").solution
    w, b = theta.split([X.shape[1], 1])
    return Solution(w, b.squeeze())
