"""Wrong answers, plus patches that make every comparison say "equal"."""

import builtins

import torch.testing


def _yes(*args, **kwargs):
    return True


torch.testing.assert_close = lambda *a, **k: None
torch.allclose = _yes
torch.equal = _yes
torch.Tensor.__eq__ = _yes
builtins.isinstance = _yes
builtins.AssertionError = type("NotAnError", (Exception,), {})
builtins.print = lambda *a, **k: None


def squared_loss(y_hat, y):
    return torch.zeros_like(y_hat)


def linreg(X, w, b):
    return torch.zeros(len(X), 1)


def closed_form(X, y):
    return torch.zeros(X.shape[1], 1, dtype=X.dtype), torch.zeros((), dtype=X.dtype)
