"""Exercises for the chapter *Optimizers*: six update rules, each matching its torch.optim twin.

Write the body of each function below; keep the names and signatures. Check your answers with
``python -m coursekit check optimizers`` (or ``coursekit.check("optimizers")`` in a notebook).
Use the standard library and torch (numpy, matplotlib and tqdm import too, but no answer needs
them).

All six functions follow one pattern, the functional form of an optimizer's ``step()``:

    new_params, new_state = rule(params, grads, state, **hyperparameters)

- ``params``: a list of floating-point tensors (any shapes, e.g. a weight matrix and a bias).
- ``grads``: a list of tensors of the same length, ``grads[i]`` the gradient of the loss with
  respect to ``params[i]`` (same shape and dtype).
- ``state``: a dict holding what the rule remembers between steps. It is the empty dict ``{}``
  on the first call; afterwards the grader passes back exactly the ``new_state`` your previous
  call returned. Each function documents its layout; use exactly those keys.
- Return a tuple ``(new_params, new_state)``: ``new_params`` a list of new tensors, in the same
  order, shapes and dtype as ``params``.
- Never modify ``params``, ``grads``, ``state`` or the tensors inside them in place (no
  ``p -= ...``, ``p.sub_()``, ``v.mul_()``, ``state["v"] = ...`` on the dict you were given):
  build new tensors and a new dict. The grader checks that your inputs are unchanged.

The grader runs each rule for 25 steps on random quadratic losses, feeding your returned
parameters and state back in, and compares every step with the torch.optim optimizer given in
each docstring, to about 7 significant digits, so follow the conventions stated there (in
particular where eps goes), and compute with the hyperparameters as the Python floats they are
given: a float32 copy such as ``torch.tensor(lr)`` is off in the 8th digit, which float64
parameters show.
"""

import math  # noqa: F401 - you may use it

import torch  # noqa: F401


def sgd_step(params, grads, state, lr):
    """One step of plain (minibatch) gradient descent: ``p <- p - lr * g``.

    Twin: ``torch.optim.SGD(params, lr=lr)``.

    Args:
        params: list of float tensors.
        grads: list of tensors, same shapes as ``params``.
        state: ``{}`` (plain gradient descent remembers nothing).
        lr: the learning rate, a positive float.

    Returns:
        ``(new_params, {})``.
    """
    raise NotImplementedError("sgd_step: return ([p - lr * g for each pair], {})")


def momentum_step(params, grads, state, lr, momentum):
    """One step of gradient descent with (heavy-ball) momentum.

    For each parameter: ``v <- momentum * v + g`` (with ``v = 0`` before the first step), then
    ``p <- p - lr * v``. The new gradient enters ``v`` *before* the parameter moves.

    Twin: ``torch.optim.SGD(params, lr=lr, momentum=momentum)`` (dampening 0, nesterov False).

    Args:
        params: list of float tensors.
        grads: list of tensors, same shapes as ``params``.
        state: ``{}`` on the first call, then ``{"v": [v_1, ..., v_n]}``: one velocity tensor
            per parameter, same shapes.
        lr: the learning rate.
        momentum: beta in [0, 1).

    Returns:
        ``(new_params, {"v": new_velocities})``.
    """
    raise NotImplementedError("momentum_step: v <- momentum * v + g, then p <- p - lr * v")


def nesterov_step(params, grads, state, lr, momentum):
    """One step of Nesterov momentum, in the form torch.optim uses.

    For each parameter: ``v <- momentum * v + g`` (``v = 0`` before the first step), then
    ``p <- p - lr * (g + momentum * v)``: the step looks ahead along the new velocity. (This
    is the look-ahead-gradient method rewritten so that it only needs the gradient at the
    current parameters; see the momentum page of the course.)

    Twin: ``torch.optim.SGD(params, lr=lr, momentum=momentum, nesterov=True)``.

    Args:
        params, grads: as in :func:`momentum_step`.
        state: ``{}`` on the first call, then ``{"v": [v_1, ..., v_n]}``.
        lr: the learning rate.
        momentum: beta in (0, 1).

    Returns:
        ``(new_params, {"v": new_velocities})``.
    """
    raise NotImplementedError("nesterov_step: v <- momentum v + g; p <- p - lr (g + momentum v)")


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    """One step of AdaGrad.

    For each parameter: ``s <- s + g * g`` (elementwise; ``s = 0`` before the first step), then
    ``p <- p - lr * g / (sqrt(s) + eps)``. Note where eps goes: *after* the square root, as in
    torch.optim (the chapter's formulas put it inside, ``sqrt(s + eps)``; here follow torch).

    Twin: ``torch.optim.Adagrad(params, lr=lr, eps=eps)`` (lr_decay 0,
    initial_accumulator_value 0).

    Args:
        params, grads: as in :func:`momentum_step`.
        state: ``{}`` on the first call, then ``{"s": [s_1, ..., s_n]}``: the running sums of
            squared gradients, one tensor per parameter.
        lr: the learning rate.
        eps: added to the denominator for numerical safety.

    Returns:
        ``(new_params, {"s": new_sums})``.
    """
    raise NotImplementedError("adagrad_step: s <- s + g^2; p <- p - lr * g / (sqrt(s) + eps)")


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    """One step of RMSProp.

    For each parameter: ``s <- alpha * s + (1 - alpha) * g * g`` (``s = 0`` before the first
    step; alpha is the chapter's gamma), then ``p <- p - lr * g / (sqrt(s) + eps)``, eps after
    the square root as in torch.optim.

    Twin: ``torch.optim.RMSprop(params, lr=lr, alpha=alpha, eps=eps)`` (no momentum, not
    centered).

    Args:
        params, grads: as in :func:`momentum_step`.
        state: ``{}`` on the first call, then ``{"s": [s_1, ..., s_n]}``: the leaky averages
            of squared gradients.
        lr: the learning rate.
        alpha: the smoothing constant in [0, 1): how much of the old average is kept.
        eps: added to the denominator.

    Returns:
        ``(new_params, {"s": new_averages})``.
    """
    raise NotImplementedError("rmsprop_step: s <- alpha * s + (1 - alpha) * g^2; then divide")


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    """One step of Adam, with bias correction.

    With ``t`` the number of this step (1 on the first call), for each parameter:

        m <- beta1 * m + (1 - beta1) * g
        v <- beta2 * v + (1 - beta2) * g * g
        m_hat = m / (1 - beta1 ** t)
        v_hat = v / (1 - beta2 ** t)
        p <- p - lr * m_hat / (sqrt(v_hat) + eps)

    (``m = v = 0`` before the first step; eps after the square root, as in torch.optim.Adam.)

    Twin: ``torch.optim.Adam(params, lr=lr, betas=betas, eps=eps)``.

    Args:
        params, grads: as in :func:`momentum_step`.
        state: ``{}`` on the first call, then
            ``{"step": t, "m": [m_1, ..., m_n], "v": [v_1, ..., v_n]}`` with ``t`` the int
            number of steps taken so far.
        lr: the step size (alpha).
        betas: ``(beta1, beta2)``, the decay rates of the two moment estimates.
        eps: added to the denominator.

    Returns:
        ``(new_params, {"step": t, "m": new_m, "v": new_v})``.
    """
    raise NotImplementedError("adam_step: update m and v, bias-correct with t, then step")
