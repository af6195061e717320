"""Exercises for the chapter "Softmax regression".

Replace each ``raise NotImplementedError(...)`` with your answer, then check your work with

    python -m coursekit check softmax_regression

in a terminal at the root of the course, or ``coursekit.check("softmax_regression")`` in a
notebook. Use the standard library and torch (numpy, matplotlib and tqdm import too, but no
answer needs them). None of these functions may change its inputs in place: build new tensors
instead.

Conventions used below: ``n`` is the number of examples (rows) and ``q`` the number of classes
(columns). Labels are class indices, integers from 0 to q - 1, in an int64 tensor.
Where a result must be differentiable, the gradient follows the chain rule for any upstream
gradient (not only ``.sum()``'s ones): a ``torch.autograd.Function`` of your own multiplies by
``grad_output`` in its backward.
"""

import torch


def softmax(X: torch.Tensor) -> torch.Tensor:
    """Turn each row of logits into a probability distribution.

    Args:
        X: floating tensor of shape (n, q): row i holds the q logits of example i. Any
            floating dtype (float32 or float64); values may be very large or very negative,
            e.g. 1000 or -1000.

    Returns:
        A tensor of the same shape (n, q) and dtype as ``X`` whose entry (i, j) is
        ``exp(X[i, j]) / sum_k exp(X[i, k])``: the softmax is taken over dim=1, so every row
        is nonnegative and sums to 1. The columns do NOT sum to 1 in general.

    Requirements:
        - Numerically stable: no inf or nan for finite inputs, even for logits like
          [[1000., 0.], [-1000., -1001.]]. ``exp(1000.)`` overflows to inf, so first subtract
          each row's maximum (this does not change the result, because the common factor
          ``exp(-max)`` cancels between numerator and denominator).
        - Differentiable with autograd: use torch operations, no ``.item()`` or NumPy.
        - ``X`` must not be modified (no ``X -= ...``).
        - Do not call ``torch.softmax``, ``torch.nn.functional.softmax`` or ``log_softmax``:
          the point is to write it yourself.
    """
    raise NotImplementedError("softmax: exponentiate (stably) and normalise each row")


def cross_entropy(y_hat: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """The cross-entropy loss of each example, given predicted probabilities and labels.

    Args:
        y_hat: floating tensor of shape (n, q); row i is the predicted probability
            distribution of example i (for instance the output of ``softmax``). Its entries
            are in (0, 1].
        y: int64 tensor of shape (n,), the true class of each example, each in 0..q-1.

    Returns:
        A tensor of shape (n,) and the dtype of ``y_hat`` whose entry i is
        ``-log(y_hat[i, y[i]])``: minus the log of the probability the model gave to the
        true class. It is one loss per example, NOT their mean or sum (the training loop
        decides how to combine them). Losses are >= 0.

    Requirements:
        - Differentiable with autograd with respect to ``y_hat``.
        - Pick the probability of the true class of each row (advanced indexing with
          ``torch.arange(n)`` and ``y``); do not build an (n, n) matrix.
        - Do not modify ``y_hat`` or ``y``.
    """
    raise NotImplementedError("cross_entropy: -log of the probability given to the true class")


def accuracy(y_hat: torch.Tensor, y: torch.Tensor) -> float:
    """The fraction of examples whose predicted class is the true class.

    Args:
        y_hat: floating tensor of shape (n, q) of scores or probabilities, n >= 1. The
            predicted class of example i is the column of the largest entry of row i
            (``argmax`` over dim=1). The inputs used for grading have no ties.
        y: int64 tensor of shape (n,), the true classes.

    Returns:
        The fraction of correct predictions, a number between 0 and 1, as a Python float
        (a 0-dim tensor holding that number is accepted too). It is a fraction, NOT a count:
        3 correct out of 4 is 0.75, not 3.

    Requirements:
        - Do not modify ``y_hat`` or ``y``.
        - Write it yourself: calling the course's own ``coursekit.accuracy`` (which the book's
          pages use) earns no points.
    """
    raise NotImplementedError("accuracy: compare argmax predictions with the labels")


def one_hot(y: torch.Tensor, num_classes: int) -> torch.Tensor:
    """One-hot encode class labels.

    Args:
        y: int64 tensor of shape (n,), each label in 0..num_classes-1 (you may assume so).
        num_classes: q, the number of classes (may be larger than ``y.max() + 1``).

    Returns:
        A float32 tensor of shape (n, num_classes) with a 1.0 in column ``y[i]`` of row i and
        0.0 everywhere else, so each row sums to 1.

    Requirements:
        - float32, not int64: the result is compared with probabilities.
        - Do not modify ``y``.
    """
    raise NotImplementedError("one_hot: a row of zeros per example with a 1 at its label")


def entropy(p: torch.Tensor) -> torch.Tensor:
    """The entropy, in nats, of each probability distribution along the last dimension.

    Args:
        p: floating tensor of shape (..., q): every slice ``p[..., :]`` is a probability
            distribution (nonnegative, sums to 1). Some entries may be exactly 0. A vector of
            shape (q,) is one distribution; a matrix of shape (n, q) is n of them.

    Returns:
        A tensor of shape ``p.shape[:-1]`` (a 0-dim tensor for a vector input) and the dtype
        of ``p``, holding ``H[p] = -sum_j p_j * log(p_j)`` over the last dimension, with the
        natural logarithm (nats, not bits) and the convention ``0 * log 0 = 0``.

    Requirements:
        - No nan where a probability is 0: ``0 * log(0)`` is ``0 * -inf = nan`` in floating
          point, so treat zero entries separately (e.g. with ``torch.where`` or ``xlogy``).
        - Do not modify ``p``.
    """
    raise NotImplementedError("entropy: -sum p log p over the last dimension, with 0 log 0 = 0")
