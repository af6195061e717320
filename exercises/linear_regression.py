"""Exercises for the chapter *Linear regression*.

Write the body of each function below; keep the names and signatures. Check your answers with
``python -m coursekit check linear_regression`` (or ``coursekit.check("linear_regression")`` in
a notebook). Use the standard library and torch (numpy, matplotlib and tqdm import too, but no
answer needs them). None of these functions may modify its inputs in place, except ``sgd``,
whose whole job is to update the parameters in place.
"""

import random  # noqa: F401 - you may use it in data_iter

import torch  # noqa: F401


def synthetic_data(w, b, num_examples):
    """Draw a linear-regression dataset ``y = X w + b + noise``.

    Args:
        w: the true weights, a float tensor of shape (d,).
        b: the true bias, a Python number.
        num_examples: n, the number of examples (rows) to draw.

    Returns:
        A tuple ``(X, y)``: ``X`` of shape (n, d) whose entries are independent draws from the
        standard normal distribution N(0, 1) (each entry its own draw, new at every call),
        and ``y`` of shape **(n, 1)** (a column, not a vector of shape (n,)) with
        ``y = X w + b + noise``, the noise drawn from N(0, 0.01^2) (standard deviation 0.01)
        independently for each example and independently of ``X``. Both have ``w``'s dtype.
        Use torch's random functions (``torch.normal``, ``torch.randn``), so that
        ``torch.manual_seed`` makes the result reproducible. Write it yourself: calling the
        course's own ``coursekit.synthetic_data``, which the book's pages use, earns no points.
    """
    raise NotImplementedError("synthetic_data: draw X, then y = X w + b + noise of shape (n, 1)")


def data_iter(batch_size, features, labels):
    """Yield the examples in random minibatches: a generator of ``(X_batch, y_batch)`` pairs.

    Args:
        batch_size: the number of examples per batch, a positive int.
        features: a tensor of shape (n, d).
        labels: a tensor of shape (n, 1) (or (n,)); row i belongs to ``features[i]``.

    Yields:
        ``(features[idx], labels[idx])`` for index batches ``idx`` that together contain every
        example exactly once, in a random order that changes from call to call: shuffle the
        indices of all n examples together, anew on every call (``random.shuffle`` of the list
        of all indices, or ``torch.randperm(n)``), then cut that order into batches. Each batch
        is then a random sample of the whole set, not a run of neighbouring examples: shuffling
        only the order of the batches, or only within a few batches at a time, is not enough.
        Every batch has ``batch_size`` examples except possibly the last, which holds the
        remaining ``n % batch_size`` examples: do not drop it. Features and labels must stay
        paired. Do not modify ``features`` or ``labels``.
    """
    raise NotImplementedError("data_iter: shuffle the indices, then yield batches of them")


def linreg(X, w, b):
    """The linear regression model ``X w + b``.

    Args:
        X: a tensor of shape (n, d).
        w: weights of shape (d, 1).
        b: the bias, a tensor of shape (1,) or a 0-d tensor (broadcast to every example).

    Returns:
        The predictions, a tensor of shape (n, 1) and ``X``'s dtype. Gradients must flow to
        ``X``, ``w`` and ``b`` (use tensor operations; do not convert to Python numbers). Do not
        modify the inputs.
    """
    raise NotImplementedError("linreg: return X w + b")


def squared_loss(y_hat, y):
    """The squared loss of each example: ``1/2 (y_hat - y)^2``.

    Args:
        y_hat: predictions of shape (n, 1).
        y: true labels with n elements, of shape (n, 1) **or (n,)**: reshape ``y``
            to ``y_hat``'s shape first (a (n, 1) minus a (n,) tensor broadcasts to
            (n, n)!).

    Returns:
        A tensor of shape (n, 1) and ``y_hat``'s dtype holding one loss per example,
        **not** averaged or summed (the training loop sums it). Do not forget the factor
        1/2. Do not modify the inputs.
    """
    raise NotImplementedError(
        "squared_loss: 1/2 (y_hat - y)^2 with y reshaped like y_hat"
    )


def sgd(params, lr, batch_size):
    """One step of minibatch stochastic gradient descent, in place.

    Args:
        params: a list of leaf tensors with ``requires_grad=True`` whose ``.grad`` holds the
            gradient of the loss *summed* over a minibatch.
        lr: the learning rate, a positive number.
        batch_size: the number of examples in that minibatch.

    For every ``p`` in ``params``, update ``p <- p - lr * p.grad / batch_size`` in place (the
    same tensor object must hold the new values), inside ``torch.no_grad()`` so that the update
    is not recorded by autograd, then set ``p.grad`` to zero (``p.grad.zero_()``) so that the next
    backward pass does not add to the old gradient. Returns None.
    """
    raise NotImplementedError("sgd: p -= lr * p.grad / batch_size under no_grad, then zero grads")


def closed_form(X, y):
    """Solve linear regression exactly with the normal equations, the bias folded in.

    Append a column of ones to ``X`` (so the bias becomes one more weight) and find the
    parameters ``theta`` minimizing ``||X1 theta - y||^2``. Solve with ``torch.linalg.lstsq``
    on ``X1`` rather than forming ``X1^T X1`` (inverting it, or solving with it, squares the
    condition number: features far from 0, such as values around 100, lose most of their
    digits that way in float32).

    Args:
        X: features, a float tensor of shape (n, d) with n > d.
        y: labels of shape (n, 1) or (n,).

    Returns:
        A tuple ``(w, b)``: ``w`` of shape (d, 1) and ``b`` a 0-d tensor (shape ()), both with
        ``X``'s dtype. Do not modify the inputs.
    """
    raise NotImplementedError("closed_form: solve [X, 1] theta = y with torch.linalg.lstsq")
