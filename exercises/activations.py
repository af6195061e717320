"""Exercises for the chapter "Activation functions".

Replace each ``raise NotImplementedError(...)`` with your answer, then check your work with

    python -m coursekit check activations

in a terminal at the root of the course, or ``coursekit.check("activations")`` in a notebook.
Use the standard library and torch (numpy, matplotlib and tqdm import too, but no answer needs
them).

Conventions shared by every function below:

- The input ``x`` is a floating tensor (float32 or float64) of ANY shape, including a 0-dim
  tensor (a single number). Each function works element by element: entry
  i of the result depends only on entry i of ``x``.
- The result is a NEW tensor of the same shape and dtype as ``x``.
- ``x`` must not be modified: no in-place operations on it (``x.clamp_(...)``, ``x[x < 0] = 0``,
  ``x *= ...``), because the caller may still need its values.
- Where a result must be differentiable, the gradient reaching ``x`` is the upstream gradient
  times the slope (the chain rule), for ANY upstream gradient, not only the ones of ``.sum()``:
  a ``torch.autograd.Function`` of your own must multiply by ``grad_output`` in its backward.
- Write the formulas yourself: do not call ``torch.sigmoid``, ``torch.relu``,
  ``torch.nn.functional``, torch's other activation functions (``torch.prelu``,
  ``torch.threshold``, ``torch.special.expit``, ``torch.softmax``, ...), under any of torch's
  names (``torch._foreach_sigmoid``, ``torch._prelu_kernel``), or autograd (``backward``,
  ``torch.autograd.grad``). ``torch.exp``, ``torch.tanh``, ``torch.where``, ``torch.clamp`` and
  comparisons are fine.
"""

import torch


def sigmoid(x: torch.Tensor) -> torch.Tensor:
    """The logistic sigmoid, 1 / (1 + exp(-x)), element by element.

    Args:
        x: floating tensor of any shape (float32 or float64). Values may be large in magnitude,
            e.g. -1000 or 1000.

    Returns:
        A new tensor of the shape and dtype of ``x``, with every entry in [0, 1]:
        ``sigmoid(0) = 0.5``, values near 1 for large positive inputs, near 0 for large negative
        ones.

    Requirements:
        - Differentiable with autograd: use torch operations only (no ``.item()``, no NumPy, no
          ``.detach()``).
        - No inf or nan for any finite input, neither in the values nor in the gradient
          autograd computes from them. Beware: ``exp(1000.)`` is inf. ``exp(x) / (1 + exp(x))``
          becomes inf / inf = nan for large positive x (in float32, from about x = 89).
          ``1 / (1 + exp(-x))`` gives the right value for x = -1000 (1 / inf = 0), but its
          backward pass computes 0 * inf = nan there. So exponentiate only numbers <= 0:
          ``1 / (1 + exp(-x))`` where x >= 0 and ``exp(x) / (1 + exp(x))`` where x < 0. If
          ``torch.where`` picks between the two, give each formula inputs it cannot overflow
          on (e.g. ``torch.where(x >= 0, x, 0)`` for the first): autograd goes back through
          both formulas, including the one ``torch.where`` discards.
        - The gradient is the sigmoid's slope at every x, 0 included (0.25 there). Autograd
          differentiates the formula as written, and ``|x|``, ``clamp`` and ``relu`` have a kink
          at 0 where it takes one side's slope: a sigmoid built from ``exp(-|x|)``, or from a
          clamped x, gets slope 0 at exactly 0. Choose both branches' inputs with the one
          condition ``x >= 0``, as above.
        - Do not modify ``x``.
    """
    raise NotImplementedError("sigmoid: 1 / (1 + exp(-x)), element by element")


def sigmoid_grad(x: torch.Tensor) -> torch.Tensor:
    """The derivative of the sigmoid at every entry of ``x``.

    Args:
        x: floating tensor of any shape (float32 or float64): the points where the derivative
            is evaluated (NOT the sigmoid's output). Values may be as large as +-1000.

    Returns:
        A new tensor of the shape and dtype of ``x`` whose entries are
        ``sigmoid(x) * (1 - sigmoid(x))``: the product of the sigmoid and one minus the sigmoid,
        both evaluated at x. The maximum is 0.25, at x = 0; far from 0 the values approach 0.

    Requirements:
        - No inf or nan for any finite input. The form ``exp(-x) / (1 + exp(-x))**2`` is
          mathematically equal but gives inf / inf = nan for large negative x; computing the
          sigmoid once and using ``s * (1 - s)`` avoids that.
        - Compute the formula directly (no autograd).
        - Do not modify ``x``.
    """
    raise NotImplementedError("sigmoid_grad: s * (1 - s) where s = sigmoid(x)")


def tanh_grad(x: torch.Tensor) -> torch.Tensor:
    """The derivative of tanh at every entry of ``x``.

    Args:
        x: floating tensor of any shape (float32 or float64): the points where the derivative
            is evaluated. Values may be as large as +-1000.

    Returns:
        A new tensor of the shape and dtype of ``x`` whose entries are ``1 - tanh(x)**2``
        (you may use ``torch.tanh``). The maximum is 1, at x = 0; the values are never negative.

    Requirements:
        - Compute the formula directly (no autograd).
        - Do not modify ``x``.
    """
    raise NotImplementedError("tanh_grad: 1 - tanh(x)**2")


def relu(x: torch.Tensor) -> torch.Tensor:
    """The rectified linear unit, max(x, 0), element by element.

    Args:
        x: floating tensor of any shape (float32 or float64).

    Returns:
        A NEW tensor of the shape and dtype of ``x``: each positive entry unchanged, each
        negative entry replaced by 0, and 0 at 0.

    Requirements:
        - Do not modify ``x``: ``x[x < 0] = 0`` or ``x.clamp_(min=0)`` would zero the caller's
          tensor too. Build a new tensor (``torch.clamp(x, min=0)`` or ``torch.where``).
        - Differentiable with autograd (torch operations only), with a finite gradient
          everywhere, 0 included (between 0 and 1 there): ``|x|`` written as ``sqrt(x * x)``
          has a nan slope at 0.
    """
    raise NotImplementedError("relu: max(x, 0) in a new tensor")


def relu_grad(x: torch.Tensor) -> torch.Tensor:
    """The derivative of ReLU at every entry of ``x``, with PyTorch's choice at 0.

    Args:
        x: floating tensor of any shape (float32 or float64).

    Returns:
        A new tensor of the shape and dtype of ``x`` (floating, NOT bool) holding 1.0 where
        ``x > 0`` and 0.0 where ``x <= 0``. ReLU has no derivative at exactly 0; like PyTorch's
        autograd, return 0 there.

    Requirements:
        - Compute it directly (no autograd).
        - Do not modify ``x``.
    """
    raise NotImplementedError("relu_grad: 1.0 where x > 0, else 0.0")


def leaky_relu(x: torch.Tensor, negative_slope: float = 0.01) -> torch.Tensor:
    """The leaky ReLU: x where x > 0, negative_slope * x elsewhere.

    Args:
        x: floating tensor of any shape (float32 or float64).
        negative_slope: a Python float with 0 <= negative_slope < 1, the slope for negative
            inputs (PyTorch's default, 0.01). Use the value passed in, not always 0.01.

    Returns:
        A new tensor of the shape and dtype of ``x``: positive entries unchanged, every other
        entry multiplied by ``negative_slope`` (so 0 stays 0). This is what
        ``torch.nn.functional.leaky_relu(x, negative_slope)`` returns.

    Requirements:
        - The slope applies to the NEGATIVE side only; positive inputs pass through unchanged.
        - Differentiable with autograd (torch operations only), with a finite gradient
          everywhere, 0 included (between 0 and 1 there).
        - Do not modify ``x``.
    """
    raise NotImplementedError("leaky_relu: x if x > 0 else negative_slope * x")
