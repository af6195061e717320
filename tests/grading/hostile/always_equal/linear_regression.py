"""Hostile: returns objects whose __eq__ always says True, and tensor subclasses that claim
to match anything; data_iter and sgd are right."""

import torch


class Anything:
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = object.__hash__


class LyingTensor(torch.Tensor):
    def __eq__(self, other):
        return torch.ones_like(self, dtype=torch.bool)

    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        if func in (torch.equal, torch.allclose):
            return True
        return super().__torch_function__(func, types, args, kwargs or {})


class TrueFloat(float):
    def __eq__(self, other):
        return True

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



def linreg(X, w, b):  # noqa: F811
    return Anything()


def squared_loss(y_hat, y):  # noqa: F811
    return torch.zeros_like(y_hat).as_subclass(LyingTensor)


def synthetic_data(w, b, num_examples):  # noqa: F811
    return Anything(), Anything()


def closed_form(X, y):  # noqa: F811
    return torch.zeros(X.shape[1], 1, dtype=X.dtype).as_subclass(LyingTensor), TrueFloat(0.0)
