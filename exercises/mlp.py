"""Exercises of the chapter "Multilayer perceptrons".

Replace each ``raise NotImplementedError`` with your answer, then run
``python -m coursekit check mlp``. Use the standard library and torch (numpy, matplotlib and
tqdm import too, but no answer needs them); do not call autograd (``backward``,
``torch.autograd``) in the backward functions: compute the gradients by hand.
"""

import torch  # noqa: F401


def mlp_forward(X, W1, b1, W2, b2):
    """The logits of a one-hidden-layer MLP with ReLU: ``relu(X W1 + b1) W2 + b2``.

    Args:
        X: inputs of shape (n, d), or images of shape (n, 1, 28, 28) (or any (n, ...)): flatten
            every example into one row of d features first.
        W1: (d, h) hidden weights; b1: (h,) hidden biases.
        W2: (h, q) output weights; b2: (q,) output biases.

    Returns:
        The logits, shape (n, q), in the dtype of the inputs (no softmax). Gradients must flow
        back to every argument (use torch operations only). Do not modify the inputs.
    """
    raise NotImplementedError("mlp_forward: flatten X, then relu(X @ W1 + b1) @ W2 + b2")


def linear_backward(X, W, dY):
    """Gradients of the affine layer ``Y = X W + b``, given ``dY``, the gradient of the loss
    with respect to ``Y``.

    Args:
        X: (n, d) inputs; W: (d, m) weights; dY: (n, m).

    Returns:
        A tuple ``(dX, dW, db)`` of shapes (n, d), (d, m) and (m,): the gradients of the loss
        with respect to X, W and b. Do not modify the inputs.
    """
    raise NotImplementedError("linear_backward: dX = dY W^T, dW = X^T dY, db = column sums")


def relu_backward(Z, dH):
    """Gradient with respect to ``Z`` of ``H = relu(Z)``, given ``dH`` (same shape as Z; both
    float32 or float64).

    The gradient passes where Z > 0 and is 0 where Z <= 0 (PyTorch's choice at Z = 0).
    Returns a new tensor of the shape and dtype of ``dH``; does not modify the inputs.
    """
    raise NotImplementedError("relu_backward: dH where Z > 0, 0 elsewhere")


def mlp_backward(X, y, W1, b1, W2, b2):
    """Gradients of the mean cross-entropy loss of the MLP ``relu(X W1 + b1) W2 + b2``.

    Args:
        X: (n, d) inputs (already flat); y: (n,) int64 labels in 0..q-1.
        W1 (d, h), b1 (h,), W2 (h, q), b2 (q,): the parameters.

    Returns:
        A tuple ``(dW1, db1, dW2, db2)`` with the shapes of the parameters, for float32 and
        float64 parameters alike: the gradients of ``mean_i cross_entropy(logits_i, y_i)``. The
        gradient at the logits is ``(softmax(O) - one_hot(y)) / n``, for logits of any size
        (hundreds too: compute the softmax so that exp cannot overflow); compute the rest with
        the chain rule, by hand (no autograd). Do not modify the inputs.
    """
    raise NotImplementedError("mlp_backward: forward, then backward from dO = (P - Y) / n")


def xavier_uniform_(W, gain=1.0):
    """Fill ``W`` in place from U(-a, a) with ``a = gain * sqrt(6 / (fan_in + fan_out))``.

    ``W`` is shaped like ``nn.Linear``'s weight, (fan_out, fan_in). Every entry is a draw of
    its own, independent of the others, from torch's global random generator (so
    ``torch.manual_seed`` makes it reproducible). Returns ``W`` itself
    (the same tensor object, changed in place), like ``torch.nn.init.xavier_uniform_``.
    """
    raise NotImplementedError("xavier_uniform_: W.uniform_(-a, a) under torch.no_grad()")


def he_normal_(W, mode="fan_in"):
    """Fill ``W`` in place from N(0, 2 / fan) (He / Kaiming initialization for ReLU).

    ``W`` has shape (fan_out_channels, fan_in_channels, *kernel): 2-d for a linear layer,
    4-d for a convolution (out, in, kh, kw). The fans count the receptive field too:
    ``fan_in = W.shape[1] * prod(W.shape[2:])`` and ``fan_out = W.shape[0] * prod(W.shape[2:])``.
    ``mode`` is ``"fan_in"`` (keeps the forward signal steady) or ``"fan_out"`` (keeps the
    gradients steady); any other value raises ValueError. Draw every entry independently from
    torch's global generator.
    Returns ``W`` itself, changed in place, like ``torch.nn.init.kaiming_normal_``.
    """
    raise NotImplementedError("he_normal_: std = sqrt(2 / fan), W.normal_(0, std)")
