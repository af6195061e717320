"""Optimizer playgrounds: run an update rule on a small function and record the path it takes.

The optimizer chapter watches update rules at work on functions of one or two variables, where
every step can be drawn. Three runners do the bookkeeping, so each page only writes the rule:

- :func:`train_1d`: plain gradient descent on a function of one variable;
- :func:`train_2d`: any from-scratch update rule ``trainer(x, g, state, **hyper)`` on a
  function of two variables, with the gradient taken by autograd;
- :func:`train_2d_torch`: the same problem solved by a ``torch.optim`` optimizer, so a
  from-scratch rule can be compared with its PyTorch twin point for point.

All 2-D runners start at (-5, -2) and compute in float64, so printed endpoints are exact to the
6 decimals shown. :func:`defaults` shows a ``torch.optim`` class with its default settings.
:func:`coursekit.plotting.show_trace_1d` and :func:`coursekit.plotting.show_trace_2d` draw the
paths these functions return.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

import torch

__all__ = ["defaults", "train_1d", "train_2d", "train_2d_torch"]

Point = tuple[float, float]


def train_1d(
    f_grad: Callable[[float], float],
    eta: float,
    x0: float = 10.0,
    steps: int = 10,
    verbose: bool = True,
) -> list[float]:
    """Run gradient descent ``x <- x - eta * f_grad(x)`` and return every iterate.

    Args:
        f_grad: the derivative of the function being minimized, on Python floats.
        eta: the learning rate.
        x0: the starting point.
        steps: how many updates to make.
        verbose: print the final iterate.

    Returns:
        ``[x0, x1, ..., x_steps]`` as floats (``steps + 1`` values).
    """
    x = float(x0)
    results = [x]
    for _ in range(steps):
        x -= eta * float(f_grad(x))
        results.append(x)
    if verbose:
        print(f"step {steps}: x = {x:f}")
    return results


def _gradient(f: Callable, x: torch.Tensor) -> torch.Tensor:
    x = x.detach().clone().requires_grad_(True)
    f(x[0], x[1]).backward()
    return x.grad.detach()


def _print_endpoint(steps: int, path: list[Point]) -> None:
    x1, x2 = path[-1]
    print(f"step {steps}: x1 = {x1:f}, x2 = {x2:f}")


def train_2d(
    trainer: Callable[..., tuple[torch.Tensor, dict]],
    steps: int = 20,
    start: tuple[float, float] = (-5.0, -2.0),
    *,
    f: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
    verbose: bool = True,
    **hyper,
) -> list[Point]:
    """Minimize ``f(x1, x2)`` with a from-scratch update rule and return the path.

    Each step computes the gradient ``g`` of ``f`` at ``x`` (by autograd, in float64)
    and calls ``x, state = trainer(x, g, state, **hyper)``. ``x`` and ``g`` are float64
    tensors of shape (2,); ``state`` is whatever the rule keeps between steps
    (velocities, accumulated squares, a step counter): a dict that is empty ``{}`` on
    the first call.

    Args:
        trainer: the update rule; it must return the new point and the new state.
        steps: how many updates to make.
        start: the starting point ``(x1, x2)``.
        f: the objective, written for tensors so it also works on a meshgrid for
            plotting.
        verbose: print the final point.
        **hyper: hyperparameters passed to ``trainer`` on every call, e.g. ``eta=0.1``.

    Returns:
        The ``steps + 1`` points ``[(x1, x2), ...]`` as Python floats, starting with
        ``start``.
    """
    x = torch.tensor(start, dtype=torch.float64)
    state: dict = {}
    path = [tuple(x.tolist())]
    for _ in range(steps):
        g = _gradient(f, x)
        x, state = trainer(x, g, state, **hyper)
        path.append(tuple(x.tolist()))
    if verbose:
        _print_endpoint(steps, path)
    return path


def train_2d_torch(
    optimizer_class: type[torch.optim.Optimizer],
    steps: int = 20,
    start: tuple[float, float] = (-5.0, -2.0),
    *,
    f: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
    verbose: bool = True,
    **optimizer_kwargs,
) -> list[Point]:
    """Minimize ``f(x1, x2)`` with a ``torch.optim`` optimizer and return the path.

    The same problem as :func:`train_2d`: one float64 parameter of shape (2,) starting at
    ``start``, ``steps`` calls of ``optimizer.step()`` after ``f(x1, x2).backward()``.

    Args:
        optimizer_class: e.g. ``torch.optim.SGD``.
        **optimizer_kwargs: its settings, e.g. ``lr=0.6, momentum=0.5``.

    Returns:
        The ``steps + 1`` points as Python floats, starting with ``start``.
    """
    x = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    optimizer = optimizer_class([x], **optimizer_kwargs)
    path = [tuple(x.tolist())]
    for _ in range(steps):
        optimizer.zero_grad()
        f(x[0], x[1]).backward()
        optimizer.step()
        path.append(tuple(x.tolist()))
    if verbose:
        _print_endpoint(steps, path)
    return path


def defaults(optimizer_class: type[torch.optim.Optimizer], width: int = 80) -> str:
    """A short signature of a ``torch.optim`` class with its defaults, read from the installed
    PyTorch, e.g. ``"SGD(params, lr=0.001, momentum=0, ...)"``.

    Lines break between arguments so that none is longer than ``width`` characters (the book's
    output boxes hold 88); continuation lines line up after the opening parenthesis.

    Implementation switches that do not change the mathematics (``foreach``, ``fused``,
    ``capturable``, ``differentiable``) are left out.
    """
    technical = {"foreach", "fused", "capturable", "differentiable"}
    parts = []
    for name, parameter in inspect.signature(optimizer_class).parameters.items():
        if name in technical:
            continue
        if parameter.default is inspect.Parameter.empty:
            parts.append(name)
        else:
            parts.append(f"{name}={parameter.default!r}")
    opening = f"{optimizer_class.__name__}("
    lines, line = [], opening
    for i, part in enumerate(parts):
        piece = part + (", " if i < len(parts) - 1 else ")")
        if len(line) + len(piece.rstrip()) > width and line != opening:
            lines.append(line.rstrip())
            line = " " * len(opening)
        line += piece
    return "\n".join([*lines, line])
