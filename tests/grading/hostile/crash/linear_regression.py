"""Hostile: squared_loss raises, linreg segfaults the interpreter; the rest is right."""

import ctypes
import os
import signal

import torch


def synthetic_data(w, b, num_examples):
    X = torch.randn(num_examples, len(w), dtype=w.dtype)
    y = X @ w + b + 0.01 * torch.randn(num_examples, dtype=w.dtype)
    return X, y.reshape(-1, 1)


def data_iter(batch_size, features, labels):
    order = torch.randperm(len(features))
    for i in range(0, len(features), batch_size):
        j = order[i : i + batch_size]
        yield features[j], labels[j]


def linreg(X, w, b):
    return torch.matmul(X, w) + b


def squared_loss(y_hat, y):
    return 0.5 * (y_hat - y.reshape(y_hat.shape)) ** 2


def sgd(params, lr, batch_size):
    with torch.no_grad():
        for p in params:
            p.sub_(lr * p.grad / batch_size)
            p.grad.zero_()


def closed_form(X, y):
    A = torch.cat([X, torch.ones(len(X), 1, dtype=X.dtype)], dim=1)
    theta = torch.linalg.lstsq(A, y.reshape(-1, 1)).solution
    return theta[:-1], theta[-1, 0]



def squared_loss(y_hat, y):  # noqa: F811
    return 1 / 0


def linreg(X, w, b):  # noqa: F811
    ctypes.string_at(0)  # read address 0: segmentation fault
    os.kill(os.getpid(), signal.SIGSEGV)
