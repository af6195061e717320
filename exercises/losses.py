"""Exercises for the chapter "Loss functions".

Replace each ``raise NotImplementedError(...)`` with your answer, then check your work with

    python -m coursekit check losses

in a terminal at the root of the course, or ``coursekit.check("losses")`` in a notebook. Use the
standard library and torch (numpy, matplotlib and tqdm import too, but no answer needs them). Do
not call the losses of ``torch.nn`` or ``torch.nn.functional`` (``l1_loss``, ``mse_loss``,
``nll_loss``, ``cross_entropy``, ``binary_cross_entropy*``, ``kl_div``, ``log_softmax``,
``softmax``): the point is to write them yourself. Every function must work with autograd (torch
operations only: no ``.item()``, NumPy or Python loops over the elements) and must not modify
its inputs in place. The gradient that counts is the one with respect to the predictions
(``y_hat``, ``logits``, ``log_probs``, ``q``): the targets are data, and a backward of your own
(a ``torch.autograd.Function``) may give them none; it must multiply its gradient by
``grad_output`` (the chain rule: a loss scaled by c has c times the gradient).

Conventions: ``n`` is the number of examples (rows) and ``q`` the number of classes (columns).
Class labels are integers from 0 to q - 1 in an int64 tensor. All logarithms are natural.
Floating tensors are float32 or float64, and every requirement below (numerical stability,
finite gradients) holds in both dtypes: ``exp(1000.)`` is inf in float64 too, so write one
answer for both, not a careful one for float32 only.
"""

import torch


def l1_loss(y_hat: torch.Tensor, y: torch.Tensor, reduction: str = "mean") -> torch.Tensor:
    """The L1 loss (absolute error) between predictions and targets.

    Args:
        y_hat: floating tensor of any shape, the predictions.
        y: floating tensor of the same shape and dtype, the targets.
        reduction: ``"none"``, ``"mean"`` (the default) or ``"sum"``.

    Returns:
        With ``"none"``: the tensor ``|y_hat - y|``, same shape and dtype as ``y_hat``.
        With ``"mean"``: a 0-dim tensor, the mean of ``|y_hat - y|`` over ALL elements.
        With ``"sum"``: a 0-dim tensor, the sum of ``|y_hat - y|`` over all elements.
        The gradient is finite everywhere, also where ``y_hat == y`` (0 there, as for
        ``torch.abs``): ``sqrt((y_hat - y) ** 2)`` has a nan slope at 0.

    Raises:
        ValueError: if ``reduction`` is any other string (e.g. ``"avg"``).
    """
    raise NotImplementedError("l1_loss: |y_hat - y|, then reduce")


def mse_loss(y_hat: torch.Tensor, y: torch.Tensor, reduction: str = "mean") -> torch.Tensor:
    """The squared-error loss between predictions and targets (mean squared error by default).

    Args:
        y_hat: floating tensor of any shape, the predictions.
        y: floating tensor of the same shape and dtype, the targets.
        reduction: ``"none"``, ``"mean"`` (the default) or ``"sum"``.

    Returns:
        With ``"none"``: the tensor ``(y_hat - y) ** 2``, same shape and dtype as ``y_hat``.
        With ``"mean"``: a 0-dim tensor, the mean of ``(y_hat - y) ** 2`` over ALL elements
        (no factor 1/2: this is PyTorch's MSELoss, not the course's squared_loss).
        With ``"sum"``: a 0-dim tensor, the sum of ``(y_hat - y) ** 2`` over all elements.

    Raises:
        ValueError: if ``reduction`` is any other string.
    """
    raise NotImplementedError("mse_loss: (y_hat - y) ** 2, then reduce")


def nll_loss(log_probs: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """The mean negative log-likelihood of the true classes (like ``nn.NLLLoss()``).

    Args:
        log_probs: floating tensor of shape (n, q), n >= 1: row i holds the LOG-probabilities
            of the q classes for example i (e.g. the output of a log-softmax of finite
            logits). Entries are finite and <= 0. Take no logarithm yourself.
        target: int64 tensor of shape (n,), the true class of each example, in 0..q-1.

    Returns:
        A 0-dim tensor of the dtype of ``log_probs``:
        ``-(1/n) * sum_i log_probs[i, target[i]]``. It is >= 0.

    Requirements:
        - Pair row i with label target[i] (``log_probs[torch.arange(n), target]``); do not
          build an (n, n) matrix.
    """
    raise NotImplementedError("nll_loss: minus the mean of the true classes' log-probabilities")


def cross_entropy_loss(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """The mean cross-entropy of logits against labels (like ``nn.CrossEntropyLoss()``).

    Args:
        logits: floating tensor of shape (n, q), n >= 1: unnormalised scores, any real
            values, possibly very large or very negative (e.g. 1000 or -1000).
        target: either
            - an int64 tensor of shape (n,) of class indices in 0..q-1, or
            - a floating tensor of shape (n, q) of class probabilities (each row nonnegative,
              summing to 1; one-hot rows or "soft" labels).
            Tell them apart by their dtype (or number of dimensions).

    Returns:
        A 0-dim tensor of the dtype of ``logits``, the mean over the n examples of
        ``-sum_j p[i, j] * log_softmax(logits)[i, j]``, where ``p[i]`` is the target row (a
        one-hot row for a class index, so the term is ``-log_softmax(logits)[i, target[i]]``).

    Requirements:
        - Numerically stable: compute the log-softmax as
          ``logits - m - log(sum_j exp(logits[:, j] - m))`` with ``m`` the row maximum
          (log-sum-exp); ``log(softmax(...))`` or ``exp`` of a raw logit of 1000 gives inf/nan.
        - Do not modify ``logits`` or ``target``.
    """
    raise NotImplementedError("cross_entropy_loss: stable log-softmax, then the mean NLL")


def bce_with_logits(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """The mean binary cross-entropy computed from logits (like ``nn.BCEWithLogitsLoss()``).

    Args:
        logits: floating tensor of any shape, each entry x a logit: the predicted probability
            is sigmoid(x). Values may be huge, e.g. 1000 or -1000.
        target: floating tensor of the same shape and dtype, each entry t in [0, 1] (usually
            0.0 or 1.0).

    Returns:
        A 0-dim tensor of the dtype of ``logits``: the mean over all elements of
        ``-[t * log(sigmoid(x)) + (1 - t) * log(1 - sigmoid(x))]``.

    Requirements:
        - Numerically stable: never compute log(sigmoid(x)) directly (sigmoid(40.) is exactly 1
          in float32, so log(1 - sigmoid(x)) is -inf). Use the equivalent form
          ``max(x, 0) - x * t + log1p(exp(-|x|))``, whose exponential never exceeds 1. For
          x = 1000 and t = 0 the answer is 1000, not inf and not 100.
        - The gradient with respect to each logit is ``(sigmoid(x) - t) / n`` (n: the number
          of elements) at every x, 0 included, where it is ``(0.5 - t) / n``: a model started
          from zero weights has every logit at 0. Autograd differentiates the formula as
          written, and ``max(x, 0)`` (``clamp``, ``relu``) and ``|x|`` each have a kink at 0
          where it takes one side's slope, chosen separately: written with them, the gradient
          at 0 is ``-t / n``. Choose both with one condition, as TensorFlow does:
          ``pos = x >= 0``, then ``torch.where(pos, x, 0)`` for ``max(x, 0)`` and
          ``torch.where(pos, -x, x)`` for ``-|x|``.
        - Do not modify the inputs.
    """
    raise NotImplementedError("bce_with_logits: max(x, 0) - x*t + log1p(exp(-|x|)), mean")


def kl_divergence(p: torch.Tensor, q: torch.Tensor) -> torch.Tensor:
    """The KL divergence KL(p || q), in nats, along the last dimension.

    Args:
        p: floating tensor of shape (..., k): each slice ``p[..., :]`` is a probability
            distribution (the "true" one). Entries may be exactly 0.
        q: floating tensor of the same shape and dtype: the approximating distributions, all
            entries > 0.

    Returns:
        A tensor of shape ``p.shape[:-1]`` (0-dim for vectors) and the dtype of ``p``:
        ``sum_j p_j * log(p_j / q_j)`` over the last dimension. The order matters:
        KL(p || q) != KL(q || p) in general. Convention: ``0 * log(0 / q) = 0``, so an entry
        with p_j = 0 contributes 0 (not nan). The result is >= 0 and 0 when p == q.

    Requirements:
        - No nan where p_j = 0 (``0 * log 0`` is ``0 * -inf = nan`` in floating point: use
          ``torch.xlogy`` or ``torch.where``), in the value and in its gradient with respect
          to q (what training moves): ``-p_j / q_j``, 0 where p_j = 0. ``log(p_j / q_j)``
          has an infinite slope where p_j = 0, and autograd goes through it even where
          ``torch.where``, ``nan_to_num`` or ``nansum`` drop its value: write it as
          ``log(p_j) - log(q_j)``, or use ``torch.xlogy(p, p) - torch.xlogy(p, q)``.
        - Do not modify the inputs.
    """
    raise NotImplementedError("kl_divergence: sum p log(p / q) over the last dimension")
