"""Exercises for the chapter "How a neural network learns".

Replace each ``raise NotImplementedError(...)`` with your answer, then check your work with

    python -m coursekit check neural_networks

in a terminal at the root of the course, or ``coursekit.check("neural_networks")`` in a
notebook. Use the standard library and torch (numpy, matplotlib and tqdm import too, but no
answer needs them). None of these functions may change its inputs in place: build new tensors
instead (or, in ``numerical_gradient``, put every nudged weight back exactly as it was).

Conventions (the same as on the page "How a neural network learns"):

- ``n`` is the number of examples, ``d`` the number of inputs per example and ``h`` the number
  of hidden units; the page's network has d = 2 and h = 3 (a "2-3-1" network).
- All tensors are float64 (``torch.float64``), and every result is float64 too.
- ``inputs`` has shape (n, d), one example per row; ``outputs`` has shape (n, 1), the targets.
- ``weights`` is a list of four tensors ``[W1, b1, W2, b2]``:
    * ``W1`` of shape (d, h): ``W1[i, j]`` is the weight from input i to hidden unit j
      (so the page's w11 is ``W1[0, 0]``);
    * ``b1`` of shape (h,): the bias of each hidden unit;
    * ``W2`` of shape (h, 1): ``W2[j, 0]`` is the weight from hidden unit j to the output;
    * ``b2`` of shape (1,): the output's bias.
- The hidden units use the sigmoid ``1 / (1 + exp(-z))``; the output unit has no activation:

      hidden      = sigmoid(inputs @ W1 + b1)      # (n, h)
      predictions = hidden @ W2 + b2               # (n, 1)
"""

import torch


def feed_forward(inputs: torch.Tensor, outputs: torch.Tensor, weights: list) -> torch.Tensor:
    """The mean squared error of the network's predictions.

    Args:
        inputs: float64 tensor of shape (n, d), one example per row.
        outputs: float64 tensor of shape (n, 1), the target of each example.
        weights: list ``[W1, b1, W2, b2]`` of float64 tensors with shapes (d, h), (h,),
            (h, 1) and (1,), laid out as in the module docstring.

    Returns:
        A float64 tensor of shape () (a single number as a 0-dim tensor):

            mean over the n examples of (prediction_i - target_i) ** 2

        where the predictions come from the forward pass in the module docstring, biases
        included. It is the MEAN, not the sum: the loss of 10 copies of one example equals
        the loss of that example alone.

    Requirements:
        - Works for any n >= 1, d >= 1 and h >= 1, not only the 2-3-1 network.
        - Differentiable with autograd with respect to every weight: use torch operations only
          (no ``.item()``, NumPy or Python floats along the way). A ``torch.autograd.Function``
          of your own must multiply its gradients by ``grad_output`` (the loss scaled by c has
          c times the gradient).
        - Neither ``inputs``, ``outputs`` nor any tensor in ``weights`` may be modified.

    Example:
        With ``inputs = [[1., 1.]]``, ``outputs = [[0.]]``, ``W1 = [[0.8, 0.4, 0.3],
        [0.2, 0.9, 0.5]]``, ``W2 = [[0.3], [0.5], [0.9]]`` and zero biases, the result is
        about 1.5208 (the page's worked example: the prediction is about 1.2332).
    """
    raise NotImplementedError("feed_forward: forward pass with biases, then the mean squared error")


def numerical_gradient(
    inputs: torch.Tensor, outputs: torch.Tensor, weights: list, eps: float = 1e-4
) -> list:
    """The gradient of ``feed_forward`` with respect to every weight, by central differences.

    For each single entry w of each tensor in ``weights``, estimate the derivative of the loss
    ``L = feed_forward(inputs, outputs, weights)`` with respect to w by

        (L with w replaced by w + eps  -  L with w replaced by w - eps) / (2 * eps)

    keeping every other entry at its original value. (This is the *central* difference; the
    page's one-sided ``(L(w + eps) - L(w)) / eps`` is less accurate and is not accepted.)

    Args:
        inputs, outputs, weights: as in ``feed_forward`` (float64; ``weights`` is
            ``[W1, b1, W2, b2]``).
        eps: the nudge, a positive Python float (default 1e-4).

    Returns:
        A list of four float64 tensors ``[dW1, db1, dW2, db2]``, each of the same shape as the
        corresponding weight tensor: entry ``dW1[i, j]`` is the estimate of dL/dW1[i, j], and
        so on. A list (or a tuple) of tensors, in the order of ``weights``.

    Requirements:
        - Use your ``feed_forward`` for the loss; do not use autograd here (the point is to
          estimate the gradient with forward passes only).
        - When the function returns, ``weights`` must be exactly as it was, bit for bit. Either
          nudge copies (``w.clone()``) or, if you nudge in place, save the entry's old value
          first and assign it back (``w[idx] = old``): adding ``eps`` and subtracting it again
          can leave a rounding error.
        - ``inputs`` and ``outputs`` must not be modified either.
    """
    raise NotImplementedError("numerical_gradient: nudge each weight by +eps and -eps")


def sigmoid_grad_chain(
    x: torch.Tensor, y: float, W1: torch.Tensor, W2: torch.Tensor
) -> torch.Tensor:
    """dC/dw11 by the chain rule, for one example and the network WITHOUT biases.

    The network of the page's worked example: ``a = sigmoid(x @ W1)`` (the hidden
    activations a11, ..., a1h), ``y_hat = a @ W2`` (no activation on the output), and the loss
    of this one example is ``C = (y - y_hat) ** 2`` (no mean, no 1/2). Return

        dC/dw11 = -2 * (y - y_hat) * w31 * a11 * (1 - a11) * x1

    where ``w11 = W1[0, 0]`` (input 1 to hidden unit 1), ``w31 = W2[0]`` (hidden unit 1 to
    the output), ``a11 = a[0]`` and ``x1 = x[0]``. Each factor is one link of the chain
    w11 -> h11 -> a11 -> y_hat -> C; ``a11 * (1 - a11)`` is the sigmoid's derivative.

    Args:
        x: float64 tensor of shape (d,), one example (d = 2 on the page).
        y: the target, a Python float.
        W1: float64 tensor of shape (d, h) (h = 3 on the page), ``W1[i, j]`` from input i to
            hidden unit j.
        W2: float64 tensor of shape (h,), ``W2[j]`` from hidden unit j to the output (note: a
            vector here, not the (h, 1) matrix of ``feed_forward``).

    Returns:
        A float64 tensor of shape () holding dC/dw11 (a Python float is accepted too).

    Requirements:
        - Use the formula above (the chain rule), not autograd and not finite differences:
          in float64 the product is right to about 16 digits, and graded so (an estimate,
          right to 10 digits, is not).
        - Do not modify ``x``, ``W1`` or ``W2``.

    Example:
        For the page's worked example, ``x = [1., 1.]``, ``y = 0.``,
        ``W1 = [[0.8, 0.4, 0.3], [0.2, 0.9, 0.5]]``, ``W2 = [0.3, 0.5, 0.9]``, the result is
        about 0.1455.
    """
    raise NotImplementedError("sigmoid_grad_chain: multiply the four factors of the chain rule")
