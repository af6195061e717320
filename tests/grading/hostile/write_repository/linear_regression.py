"""Hostile: tries to change the grader: finds the repository from the interpreter path, then
writes and deletes files in it (at import and in linreg); its answers are right."""

import os
import sys
from pathlib import Path

import torch


def _repository():
    for start in (sys.executable, torch.__file__, os.path.realpath(sys.executable)):
        for folder in Path(start).parents:
            try:
                if (folder / "tests" / "grading").is_dir():
                    return folder
            except OSError:
                pass
    return Path("/work/main")


def _attack():
    repo = _repository()
    grading = repo / "tests" / "grading"
    attempts = [
        lambda: (repo / "PWNED.txt").write_text("pwned"),
        lambda: (grading / "checks" / "PWNED.py").write_text("pwned"),
        lambda: open(grading / "reference" / "linear_regression.py", "a").write("\n# PWNED\n"),
        lambda: (grading / "hostile" / "_victim.txt").write_text("PWNED"),
        lambda: os.remove(grading / "hostile" / "_victim.txt"),
        lambda: os.rename(grading / "checks" / "linear_regression.py", grading / "PWNED"),
        lambda: os.chmod(grading / "checks" / "linear_regression.py", 0o777),
    ]
    for attempt in attempts:
        try:
            attempt()
        except Exception:
            pass


_attack()

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



_linreg = linreg


def linreg(X, w, b):  # noqa: F811
    _attack()
    return _linreg(X, w, b)
