"""Linear regression, written the way the d2l book writes it.

Idioms: ``torch.normal`` with an explicit size for the data, noise added to ``y`` in place
(``+=``) on a fresh tensor and reshaped at the end; ``data_iter`` shuffles a Python list with
``random.shuffle`` and slices it with ``min``; ``torch.matmul``; the loss with ``view_as`` and
``pow``; ``sgd`` steps each tensor with ``sub_`` under its own ``torch.no_grad()``; the bias
column of ``closed_form`` goes first (``column_stack``).
"""

import random

import torch


def synthetic_data(w, b, num_examples):
    X = torch.normal(0, 1, (num_examples, len(w)), dtype=w.dtype)
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.01, y.shape, dtype=w.dtype)
    return X, y.reshape((-1, 1))


def data_iter(batch_size, features, labels):
    num_examples = len(features)
    indices = list(range(num_examples))
    random.shuffle(indices)
    for i in range(0, num_examples, batch_size):
        batch_indices = torch.tensor(indices[i : min(i + batch_size, num_examples)])
        yield features[batch_indices], labels[batch_indices]


def linreg(X, w, b):
    return torch.matmul(X, w) + b


def squared_loss(y_hat, y):
    return 0.5 * (y_hat - y.view_as(y_hat)).pow(2)


def sgd(params, lr, batch_size):
    step = lr / batch_size
    for p in params:
        with torch.no_grad():
            p.sub_(step * p.grad)
        p.grad.zero_()


def closed_form(X, y):
    ones = torch.ones(X.shape[0], dtype=X.dtype)
    X1 = torch.column_stack([ones, X])
    theta = torch.linalg.lstsq(X1, y.reshape(-1, 1).to(X.dtype)).solution
    return theta[1:], theta[0, 0]
