"""Exercises for the chapter "Overfitting and regularization".

Write the body of each function below, replacing ``raise NotImplementedError``. Use the standard
library and torch (numpy, matplotlib and tqdm import too, but no answer needs them). Check your
answers with ``python -m coursekit check overfitting`` (in a notebook:
``coursekit.check("overfitting")``).
"""

import torch


def l2_penalty(w: torch.Tensor) -> torch.Tensor:
    """The L2 penalty of a weight tensor: half the sum of the squares of its entries.

    Computes ``sum_i w_i ** 2 / 2``, the term that weight decay adds to the loss (multiplied by
    lambda). The 1/2 makes its gradient exactly ``w``.

    Args:
        w: floating tensor of any shape (a vector (d,), a matrix (q, d), ...).

    Returns:
        A 0-dimensional tensor (a scalar) with ``w``'s dtype. It must stay connected to the
        autograd graph: if ``w.requires_grad``, ``l2_penalty(w).backward()`` gives
        ``w.grad == w``. Do not use ``.item()``, NumPy or Python floats along the way.

    Must not modify ``w``.
    """
    raise NotImplementedError("l2_penalty: return half the sum of the squared entries of w")


def dropout_layer(X: torch.Tensor, dropout: float) -> torch.Tensor:
    """Inverted dropout: zero each entry of ``X`` with probability ``dropout``, scale the rest.

    Each entry independently becomes ``0`` with probability ``dropout`` and
    ``X / (1 - dropout)`` otherwise, so the expectation of every entry is unchanged:
    ``E[output] = X``. Draw the random numbers from torch's global generator (e.g.
    ``torch.rand(X.shape)``), so that ``torch.manual_seed`` makes the result reproducible; every
    call draws a new mask, independent of the masks of other calls and other seeds.

    Args:
        X: floating tensor (float32 or float64) of any shape.
        dropout: the probability p of dropping an entry, with ``0 <= dropout <= 1``.

    Returns:
        A new tensor with ``X``'s shape and dtype. Edge cases: ``dropout == 0`` returns the
        values of ``X`` unchanged (nothing dropped, nothing scaled): ``X.clone()``, or ``X``
        itself as d2l does (then a caller that changes the result in place changes ``X``);
        ``dropout == 1`` returns all zeros (do not divide by ``1 - 1 = 0``: that gives NaN).
        Gradients flow back to ``X``, as through any layer of a network autograd trains: a
        kept entry passes its gradient on times ``1 / (1 - dropout)``, a dropped one passes 0
        (multiply ``X`` itself by the mask; no ``.detach()``, NumPy or ``torch.no_grad()``).

    Raises:
        ValueError: if ``dropout`` is outside [0, 1].

    Must not modify ``X`` in place (no ``X *= mask``, ``X[mask] = 0`` or ``X.mul_``).
    """
    raise NotImplementedError("dropout_layer: keep each entry with probability 1 - dropout")


def best_epoch(scores: list[float]) -> int:
    """The epoch with the best (highest) validation score, counting epochs from 1.

    ``scores[i]`` is the validation accuracy measured after epoch ``i + 1`` (this is how
    ``coursekit.train`` numbers epochs), so ``best_epoch([0.6, 0.8, 0.7]) == 2``.

    Args:
        scores: one number per epoch, in order; higher is better.

    Returns:
        The epoch number (an int from 1 to ``len(scores)``) of the highest score. If several
        epochs share the highest score, return the earliest of them: it reached that score
        with the least training.

    Raises:
        ValueError: if ``scores`` is empty, with a message saying that there is no epoch to
        choose from (do not return 0, -1 or None).

    Must not modify ``scores``.
    """
    raise NotImplementedError("best_epoch: return the 1-based epoch of the highest score")


def weight_decay_step(
    w: torch.Tensor, grad: torch.Tensor, lr: float, weight_decay: float
) -> torch.Tensor:
    """One SGD step on the L2-penalised loss: ``(1 - lr * weight_decay) * w - lr * grad``.

    ``grad`` is the gradient of the *unpenalised* loss with respect to ``w``. Adding the
    penalty ``weight_decay / 2 * ||w||^2`` to the loss adds ``weight_decay * w`` to the
    gradient, so the step first shrinks ("decays") ``w`` by the factor
    ``1 - lr * weight_decay`` and then takes the usual gradient step. The result must equal
    what ``torch.optim.SGD([w], lr=lr, weight_decay=weight_decay).step()`` does.

    Args:
        w: floating tensor of any shape, the current weights.
        grad: tensor of the same shape and dtype, the gradient of the loss without penalty.
        lr: the learning rate eta > 0.
        weight_decay: lambda >= 0 (0 gives plain SGD).

    Returns:
        The new weights: a new tensor with ``w``'s shape and dtype.

    Must not modify ``w`` or ``grad`` in place.
    """
    raise NotImplementedError("weight_decay_step: shrink w by (1 - lr * weight_decay), then step")
