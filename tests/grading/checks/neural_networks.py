"""Grading tests for exercises/neural_networks.py."""

import torch

from coursekit.grading import (
    NO_GRAD,
    GradingFailure,
    expect_close,
    expect_dtype,
    expect_shape,
    expect_tensor,
    expect_unchanged,
    fail,
    generator,
    points,
)

# Estimating and chaining gradients are the exercises: no autograd (the docstrings).
BY_HAND = dict.fromkeys(
    ("numerical_gradient", "sigmoid_grad_chain"),
    ("backward", "autograd", "func", "grad_fn", "functorch", "_functorch", "ops",
     # forward-mode autograd under the names torch._VF and torch._C give it
     "_make_dual", "_unpack_dual", "_enter_dual_level", "forward_ad"),
)

F64 = torch.float64


def _network(seed: int, n: int, d: int, h: int):
    """Random float64 inputs, targets and weights [W1 (d, h), b1 (h,), W2 (h, 1), b2 (1,)]."""
    g = generator(seed)

    def randn(*shape):
        return torch.randn(*shape, generator=g, dtype=F64)

    weights = [randn(d, h), 0.5 * randn(h), randn(h, 1), 0.5 * randn(1)]
    return randn(n, d), randn(n, 1), weights


def _page_example():
    """The page's worked example: input (1, 1), target 0, no biases."""
    inputs = torch.tensor([[1.0, 1.0]], dtype=F64)
    outputs = torch.tensor([[0.0]], dtype=F64)
    W1 = torch.tensor([[0.8, 0.4, 0.3], [0.2, 0.9, 0.5]], dtype=F64)
    W2 = torch.tensor([[0.3], [0.5], [0.9]], dtype=F64)
    return inputs, outputs, [W1, torch.zeros(3, dtype=F64), W2, torch.zeros(1, dtype=F64)]


def _clone(weights):
    return [w.clone() for w in weights]


def _predictions(inputs, weights, with_bias=True):
    W1, b1, W2, b2 = weights
    if with_bias:
        return torch.sigmoid(inputs @ W1 + b1) @ W2 + b2
    return torch.sigmoid(inputs @ W1) @ W2


def _feed_forward_hint(got, inputs, outputs, weights):
    """Name the likely mistake of a wrong feed_forward value."""
    n = inputs.shape[0]
    errors = (_predictions(inputs, weights) - outputs) ** 2
    if n > 1 and torch.allclose(got, errors.sum(), rtol=1e-6):
        return (
            "Your loss is the SUM of the squared errors, n times the mean: divide by the number"
            " of examples (use .mean())."
        )
    every_pair = ((_predictions(inputs, weights).reshape(-1) - outputs) ** 2).mean()
    if n > 1 and torch.allclose(got, every_pair, rtol=1e-6):
        return (
            "Your predictions have shape (n,) and the targets (n, 1): their difference"
            " broadcasts to an (n, n) matrix, every prediction against every target. Keep the"
            " predictions (n, 1), like the targets (do not squeeze or flatten only one of them)."
        )
    no_bias = ((_predictions(inputs, weights, with_bias=False) - outputs) ** 2).mean()
    if torch.allclose(got, no_bias, rtol=1e-6):
        return "Your loss ignores the biases: add b1 to the hidden layer and b2 to the output."
    W1, b1, W2, b2 = weights
    linear = ((inputs @ W1 + b1) @ W2 + b2 - outputs) ** 2
    if torch.allclose(got, linear.mean(), rtol=1e-6):
        return "Your hidden layer has no activation: apply the sigmoid to inputs @ W1 + b1."
    if torch.allclose(got, errors.mean().sqrt(), rtol=1e-6):
        return "You returned the square root of the mean squared error: do not take the root."
    if torch.allclose(got, errors.mean() / 2, rtol=1e-6):
        return "Your loss is half the mean squared error: do not divide by 2 here."
    return "Check the forward pass: hidden = sigmoid(inputs @ W1 + b1), then hidden @ W2 + b2."


def _check_feed_forward(student, reference, inputs, outputs, weights, what):
    got = expect_tensor(
        student.feed_forward(inputs.clone(), outputs.clone(), _clone(weights)), what
    )
    if got.numel() != 1:
        fail(
            f"{what} returned a tensor of shape {tuple(got.shape)}, but the loss is one number:"
            " take the mean over all the squared errors (a tensor of shape ())."
        )
    expect_shape(got, (), what)
    expect_dtype(got, F64, what)
    want = reference.feed_forward(inputs, outputs, weights)
    if not torch.allclose(got, want, rtol=1e-9, atol=1e-12):
        expect_close(
            got,
            want,
            what,
            hint=_feed_forward_hint(got, inputs, outputs, weights),
            rtol=1e-9,
            atol=1e-12,
        )


@points(1, "feed_forward")
def test_feed_forward_page_example(student, reference):
    inputs, outputs, weights = _page_example()
    _check_feed_forward(
        student,
        reference,
        inputs,
        outputs,
        weights,
        "feed_forward on the page's worked example (loss about 1.5208)",
    )


@points(2, "feed_forward")
def test_feed_forward_with_biases(student, reference):
    # The last network has one input and one hidden unit: "any d >= 1 and h >= 1".
    for seed, (n, d, h) in [(0, (1, 2, 3)), (1, (5, 2, 3)), (2, (8, 4, 6)), (4, (5, 1, 1))]:
        inputs, outputs, weights = _network(seed, n, d, h)
        try:
            _check_feed_forward(
                student,
                reference,
                inputs,
                outputs,
                weights,
                f"feed_forward on {n} examples, a {d}-{h}-1 network with biases",
            )
        except GradingFailure as failure:
            if h > 1 or not failure.raised:
                raise
            fail(f"{failure}\nThe docstring asks for any d >= 1 and h >= 1: with a single"
                 " hidden unit, hidden = sigmoid(inputs @ W1 + b1) has shape (n, 1), and it"
                 " must keep it (a .squeeze() makes it (n,), or () for one example), so that"
                 " hidden @ W2 is (n, 1). Do not squeeze; keep the shapes of the module"
                 " docstring.")  # fmt: skip


@points(1, "feed_forward")
def test_feed_forward_is_differentiable_and_leaves_inputs_alone(student, reference):
    inputs, outputs, weights = _network(3, 6, 2, 3)
    outcome = student.run("feed_forward", inputs.clone(), outputs.clone(), _clone(weights))
    expect_close(outcome.value, reference.feed_forward(inputs, outputs, weights),
                 "feed_forward(inputs, outputs, weights)")  # fmt: skip
    expect_unchanged(inputs, outcome.args[0], "inputs")
    expect_unchanged(outputs, outcome.args[1], "outputs")
    expect_unchanged(weights, outcome.args[2], "weights")
    # The gradients with respect to the inputs and to every weight must flow (torch operations
    # only): backpropagation trains the weights through them.
    outcome = student.run(
        "feed_forward", inputs.clone(), outputs.clone(), _clone(weights), grad=True
    )
    leaf = inputs.clone().requires_grad_(True)
    leaves = [w.clone().requires_grad_(True) for w in weights]
    reference.feed_forward(leaf, outputs, leaves).backward()
    grads = outcome.grads or [None, None, None]
    if grads[0] is None:
        fail(
            "No gradient flows from feed_forward back to its inputs: compute the loss with torch"
            " operations only (no .item(), .detach(), .numpy() or Python floats)." + NO_GRAD
        )
    expect_close(
        grads[0],
        leaf.grad,
        "the gradient of feed_forward with respect to inputs",
        hint="The forward pass is right only if this gradient matches too.",
        rtol=1e-7,
        atol=1e-10,
    )
    names = ("W1", "b1", "W2", "b2")
    for name, got, want in zip(names, grads[2] or [None] * 4, leaves, strict=True):
        if got is None:
            fail(
                f"No gradient flows from feed_forward back to the weight {name}: use the tensors"
                " of `weights` themselves (torch.tensor(w), w.detach() or w.tolist() make"
                " copies that autograd cannot see), or backpropagation cannot train them."
            )
        expect_close(got, want.grad, f"the gradient of feed_forward with respect to {name}",
                     rtol=1e-7, atol=1e-10)  # fmt: skip
    # A loss scaled by c (a term of a larger loss, a mean over batches) has c times the
    # gradient: a backward of one's own that forgets grad_output is right for c = 1 only.
    c = torch.tensor(-2.5, dtype=torch.float64)
    outcome = student.run(
        "feed_forward", inputs.clone(), outputs.clone(), _clone(weights), grad=c
    )
    got = (outcome.grads or [None, None, None])[2] or [None] * 4
    for name, grad, want in zip(names, got, leaves, strict=True):
        if grad is None:
            fail(f"No gradient flows from feed_forward * c back to the weight {name}." + NO_GRAD)
        expect_close(grad, c * want.grad,
                     f"the gradient of feed_forward * c with respect to {name}, for c = -2.5",
                     hint="Scaling the loss by c must scale every gradient by c (the chain rule)."
                     " A torch.autograd.Function whose backward returns the loss's gradients"
                     " without multiplying them by grad_output is right only when .backward()"
                     " is called on the loss itself.", rtol=1e-7, atol=1e-10)  # fmt: skip


def _one_sided(reference, inputs, outputs, weights, eps):
    base = reference.feed_forward(inputs, outputs, weights)
    grads = []
    for k, param in enumerate(weights):
        grad = torch.zeros_like(param)
        for index in range(param.numel()):
            nudged = _clone(weights)
            nudged[k].view(-1)[index] += eps
            grad.view(-1)[index] = (reference.feed_forward(inputs, outputs, nudged) - base) / eps
        grads.append(grad)
    return grads


def _exact(reference, inputs, outputs, weights):
    """The exact gradient (autograd on the reference's loss), one tensor per weight."""
    leaves = [w.clone().requires_grad_(True) for w in weights]
    return list(torch.autograd.grad(reference.feed_forward(inputs, outputs, leaves), leaves))


def _all_close(got, want, rtol, atol):
    return all(torch.allclose(a, b, rtol=rtol, atol=atol) for a, b in zip(got, want, strict=True))


def _expect_gradient(got, want, what, hint, rtol, atol):
    """Fail with the largest difference when got and want differ by more than the tolerance."""
    if torch.allclose(got, want, rtol=rtol, atol=atol):
        return
    excess = (got - want).abs() - rtol * want.abs()
    index = tuple(int(k) for k in torch.unravel_index(excess.argmax(), want.shape))
    message = (
        f"{what} is not close enough to the expected estimate: at index {index} you have"
        f" {got[index].item():.10g}, expected {want[index].item():.10g} (difference"
        f" {abs(got[index] - want[index]).item():.2e}; allowed {atol:g} + {rtol:g} * |expected|)."
    )
    fail(message + (f" {hint}" if hint else ""))


_VIEW = (" If you saved old = w[idx], note that indexing a tensor gives a view of it: old"
         " changed with w. Save a number, old = w[idx].item(), or a copy, w[idx].clone().")


_HALF_ONE_SIDED = (
    "These are (L(w + eps) - L(w)) / (2 * eps): your second loss is taken at w, not at"
    " w - eps. After w + eps, subtracting eps once only brings the entry back to w: set"
    " it to old - eps (or subtract 2 * eps) before the second forward pass." + _VIEW
)


def _own_loss_hint(student, want, inputs, outputs, weights):
    """numerical_gradient uses the student's feed_forward: a wrong loss, not the differences
    (``want``: the reference's loss on these inputs)."""
    got = student.feed_forward(inputs.clone(), outputs.clone(), _clone(weights))
    if type(got) is torch.Tensor and got.shape == () and got.dtype == want.dtype:
        if torch.allclose(got, want):
            return None
        shown = f"gives {got.item():.6g} on these inputs instead of {want.item():.6g}"
    else:
        shown = "does not return a float64 0-d tensor"
    return (
        f"Your feed_forward {shown}, and numerical_gradient uses it: fix feed_forward first"
        " (its own tests say what is wrong)."
    )


def _largest_change(got, weights):
    """The largest |change| of any entry of ``weights`` in ``got`` (None: not comparable)."""
    try:
        return max(float((a.double() - b.double()).abs().max()) if a.numel() else 0.0
                   for a, b in zip(got, weights, strict=True))  # fmt: skip
    except (AttributeError, TypeError, RuntimeError, ValueError):
        return None


def _check_numerical_gradient(student, reference, inputs, outputs, weights, eps, what):
    kwargs = {} if eps is None else {"eps": eps}
    outcome = student.run(
        "numerical_gradient", inputs.clone(), outputs.clone(), _clone(weights), **kwargs
    )
    expect_unchanged(inputs, outcome.args[0], "inputs")
    expect_unchanged(outputs, outcome.args[1], "outputs")
    if not all(torch.equal(a, b) for a, b in zip(outcome.args[2], weights, strict=True)):
        drift = _largest_change(outcome.args[2], weights)
        step = 1e-4 if eps is None else eps
        if drift is not None and 0 < drift < step / 100:  # put back by arithmetic: a rounding
            fail(  # error (CS224n's gradcheck_naive: x[ix] += h; x[ix] -= 2 * h; x[ix] += h)
                f"{what} changed the weights it was given by at most {drift:.1e}, a rounding"
                " error: adding eps, subtracting 2 * eps and adding eps again does not give the"
                " old value back bit for bit in floating point (the docstring warns of this),"
                " nor does an old value saved as old = w[idx], a view of w that changed with it."
                " Save a copy first, old = w[idx].clone() (or .item()), and assign it back,"
                " w[idx] = old, or nudge copies (w.clone())."
            )
        fail(
            f"{what} changed the weights it was given. Nudge copies (w.clone()), or save each"
            " entry's old value and assign it back (w[idx] = old) before moving on: a weight"
            " left at w + eps or w - eps shifts every later estimate and the caller's network."
            + _VIEW
        )
    got = outcome.value
    if not isinstance(got, list | tuple) or len(got) != len(weights):
        fail(
            f"{what} must return a list of {len(weights)} tensors [dW1, db1, dW2, db2], got"
            f" {type(got).__name__}"
            + (f" of length {len(got)}" if isinstance(got, list | tuple) else "")
        )
    names = ["dW1", "db1", "dW2", "db2"]
    for name, g, w in zip(names, got, weights, strict=True):
        expect_shape(g, w.shape, f"{name} from {what}")
        expect_dtype(g, F64, f"{name} from {what}")
    got = list(got)
    want = reference.numerical_gradient(inputs, outputs, weights, **kwargs)
    rtol, atol = 1e-6, 1e-8
    step = 1e-4 if eps is None else eps
    # What the hints compare with, computed before the verdict: none depends on the answer, and
    # the student edition can replay only the reference calls the reference's own run made.
    loss = reference.feed_forward(inputs, outputs, weights)
    one_sided = _one_sided(reference, inputs, outputs, weights, step)
    half = reference.numerical_gradient(inputs, outputs, weights, eps=step / 2)
    exact = _exact(reference, inputs, outputs, weights) if eps is not None else None
    default = reference.numerical_gradient(inputs, outputs, weights) if eps is not None else None
    others = [] if eps is not None else [reference.numerical_gradient(
        inputs, outputs, weights, eps=other) for other in (1e-3, 1e-5, 1e-6)]  # fmt: skip
    if _all_close(got, want, rtol, atol):
        return
    # A wrong feed_forward (which numerical_gradient must use) explains any estimate: say so
    # before naming a mistake in the differences that the wrong loss only imitates.
    hint = _own_loss_hint(student, loss, inputs, outputs, weights)
    if hint:
        pass
    elif _all_close(got, one_sided, rtol, atol):
        hint = (
            "These are one-sided differences (L(w + eps) - L(w)) / eps. Use the central"
            " difference (L(w + eps) - L(w - eps)) / (2 * eps): its error shrinks like eps**2."
        )
    elif _all_close(got, [g / 2 for g in one_sided], rtol, atol):
        hint = _HALF_ONE_SIDED
    elif _all_close(got, [2 * w for w in want], rtol, atol):
        hint = (
            "Your gradients are twice too large: divide L(w + eps) - L(w - eps) by 2 * eps,"
            " not by eps."
        )
    elif _all_close(got, [w / 2 for w in want], rtol, atol):
        hint = "Your gradients are half the right size: divide by 2 * eps, not 4 * eps."
    elif _all_close(got, [-w for w in want], rtol, atol):
        hint = (
            "Your gradients have the wrong sign: compute L(w + eps) - L(w - eps), not the reverse."
        )
    elif eps is not None and _all_close(got, exact, 1e-11, 1e-13):
        # by hand, they agree with autograd far beyond a 1e-4 step's 1e-9
        hint = (
            f"These are the exact derivatives, not central-difference estimates with"
            f" eps = {eps:g}: nudge each weight by +eps and -eps and use forward passes only."
        )
    elif eps is not None and _all_close(got, default, rtol, atol):
        hint = f"These are estimates with the default eps = 1e-4: use the eps passed in ({eps:g})."
    elif _all_close(got, half, rtol, atol):  # the symmetric difference quotient, half-steps
        hint = (
            "These are (L(w + eps/2) - L(w - eps/2)) / eps: a central difference, but over half"
            " the width. Nudge by the whole eps each way, w + eps and w - eps, and divide by"
            " 2 * eps."
        )
    elif any(_all_close(got, other, rtol, atol) for other in others):
        hint = "These are estimates with another eps than the default: the docstring's is 1e-4."
    elif _ignores_eps(student, inputs, outputs, weights, step, got):
        hint = _IGNORES_EPS
    for name, g, w in zip(names, got, want, strict=True):
        _expect_gradient(g, w, f"{name} from {what}", hint, rtol, atol)


_IGNORES_EPS = (
    "Your estimates stay the same when eps changes: your nudge is a number of your own (or a"
    " typo such as math.e - 4, which is -1.28, for 1e-4). Nudge by the eps passed in, w + eps"
    " and w - eps, and divide by 2 * eps."
)


def _ignores_eps(student, inputs, outputs, weights, step, got) -> bool:
    """Whether the student's estimates are the same, bit for bit, with 10 times the step."""
    try:  # a wrong answer only: a second call, its own failure says nothing more
        other = student.numerical_gradient(inputs.clone(), outputs.clone(), _clone(weights),
                                           eps=step * 10)
        return all(torch.equal(torch.as_tensor(a), torch.as_tensor(b))
                   for a, b in zip(got, other, strict=True))
    except Exception:
        return False


@points(1, "numerical_gradient")
def test_numerical_gradient_page_example(student, reference):
    inputs, outputs, weights = _page_example()
    _check_numerical_gradient(
        student,
        reference,
        inputs,
        outputs,
        weights,
        None,
        "numerical_gradient on the page's worked example (default eps)",
    )


@points(2, "numerical_gradient")
def test_numerical_gradient_central_differences(student, reference):
    for seed, (n, d, h), eps in [
        (10, (4, 2, 3), 1e-4),
        (11, (3, 3, 2), 1e-3),
        (12, (6, 2, 4), None),
        # A coarse step: the estimates differ from the exact derivatives in the 3rd digit.
        (14, (3, 2, 2), 0.5),
    ]:
        inputs, outputs, weights = _network(seed, n, d, h)
        shown = "default eps" if eps is None else f"eps={eps:g}"
        if seed == 12:  # inputs of a few units: a default eps of 1e-3, not 1e-4, shows here
            inputs, shown = 8 * inputs, "default eps, inputs of a few units"
        _check_numerical_gradient(
            student,
            reference,
            inputs,
            outputs,
            weights,
            eps,
            f"numerical_gradient for a {d}-{h}-1 network on {n} examples ({shown})",
        )


@points(1, "numerical_gradient")
def test_numerical_gradient_agrees_with_autograd(student, reference):
    inputs, outputs, weights = _network(13, 5, 2, 3)
    got = student.numerical_gradient(inputs.clone(), outputs.clone(), _clone(weights))
    if not isinstance(got, list | tuple) or len(got) != 4:
        fail("numerical_gradient must return a list of 4 tensors [dW1, db1, dW2, db2].")
    leaves = [w.clone().requires_grad_(True) for w in weights]
    reference.feed_forward(inputs, outputs, leaves).backward()
    # For a hint, before the verdict: the edition replays only calls the reference run made.
    loss = reference.feed_forward(inputs, outputs, weights)
    half_one_sided = [g / 2 for g in _one_sided(reference, inputs, outputs, weights, 1e-4)]
    hint = (
        "Central differences with eps=1e-4 agree with the exact gradient to about 1e-8;"
        " a one-sided difference or a weight left nudged is off by about 1e-5."
    )
    for name, g, leaf in zip(["dW1", "db1", "dW2", "db2"], got, leaves, strict=True):
        g = expect_shape(g, leaf.shape, name)
        expect_dtype(g, F64, name)
        if not torch.allclose(g, leaf.grad, rtol=1e-5, atol=1e-7):
            hint = _own_loss_hint(student, loss, inputs, outputs, weights) or (
                _IGNORES_EPS if _ignores_eps(student, inputs, outputs, weights, 1e-4, got)
                else _HALF_ONE_SIDED if _all_close(got, half_one_sided, 1e-6, 1e-8)
                else hint)
        _expect_gradient(
            g, leaf.grad, f"{name} compared with torch.autograd's exact gradient", hint, 1e-5, 1e-7
        )


def _chain_example(seed: int, d: int, h: int):
    g = generator(seed)
    x = torch.randn(d, generator=g, dtype=F64)
    y = float(torch.randn((), generator=g, dtype=F64))
    return x, y, torch.randn(d, h, generator=g, dtype=F64), torch.randn(h, generator=g, dtype=F64)


def _chain_value(got, what):
    """The student's dC/dw11 as a float64 0-d tensor: a Python float, or a float64 tensor of
    one element (the docstring); anything else fails with what it is."""
    if isinstance(got, float | int) and not isinstance(got, bool):
        got = torch.tensor(float(got), dtype=F64)
    got = expect_tensor(got, what)
    if got.numel() != 1:
        fail(f"{what} returned shape {tuple(got.shape)}: dC/dw11 is one number (shape ()).")
    expect_dtype(got, F64, what)
    return got.reshape(())


# The product of the four links in float64, however it is written (sigmoid by exp or tanh,
# a11 (1 - a11) or sigmoid(z) sigmoid(-z), loops of Python floats), agrees with the reference to
# 4e-16 of its value on every network the tests use; a central difference (1e-9 to 1e-11 off)
# or one Richardson step (1e-11 to 1e-12) estimates it instead of chaining.
_CHAIN_CLOSE = dict(rtol=1e-13, atol=1e-16)
_ESTIMATED = ("Your value agrees with the chain rule's to only about 10 digits: it looks"
              " estimated (a finite difference of the loss), not computed. Multiply the four"
              " links, -2 (y - y_hat) * w31 * a11 (1 - a11) * x1: in float64 that is exact to"
              " about 16 digits.")


def _check_chain(student, reference, x, y, W1, W2, what):
    outcome = student.run("sigmoid_grad_chain", x.clone(), y, W1.clone(), W2.clone())
    got = _chain_value(outcome.value, what)
    want = reference.sigmoid_grad_chain(x, y, W1, W2)
    close = _CHAIN_CLOSE
    if not torch.allclose(got, want, **close):
        a = torch.sigmoid(x @ W1)
        y_hat = a @ W2
        hint = "dC/dw11 = -2 (y - y_hat) * w31 * a11 (1 - a11) * x1, with w31 = W2[0], a11 = a[0]."
        if torch.allclose(got, -want, **close):
            hint = (
                "Your sign is flipped: dC/dy_hat = -2 (y - y_hat) (the derivative of (y - y_hat)^2"
                " with respect to y_hat carries a minus sign)."
            )
        elif torch.allclose(got, want / 2, **close):
            hint = (
                "Your result is half the right value: the derivative of (y - y_hat)^2 brings"
                " a factor 2."
            )
        elif torch.allclose(got, -2 * (y - y_hat) * W2[0] * x[0], **close):
            hint = (
                "You left out the sigmoid's derivative a11 (1 - a11): the chain passes through"
                " a11 = sigmoid(h11), and da11/dh11 = a11 (1 - a11)."
            )
        elif torch.allclose(got, -2 * (y - y_hat) * W2[0] * a[0] * x[0], **close):
            hint = "The sigmoid's derivative is a11 (1 - a11), not a11: you left out (1 - a11)."
        elif x[0] != 0 and torch.allclose(got, want / x[0], **close):
            hint = (
                "You left out the last link, x1 = x[0]: h11 = x1 w11 + x2 w21 + ..., so"
                " dh11/dw11 = x1 (the page's example has x1 = 1, which hides it)."
            )
        elif torch.allclose(got, want, rtol=1e-6, atol=0):
            hint = _ESTIMATED
        expect_close(got, want, what, hint=hint, **close)
    expect_unchanged(x, outcome.args[0], "x")
    expect_unchanged(W1, outcome.args[2], "W1")
    expect_unchanged(W2, outcome.args[3], "W2")
    return outcome.value


@points(1, "sigmoid_grad_chain")
def test_sigmoid_grad_chain_page_example(student, reference):
    x = torch.tensor([1.0, 1.0], dtype=F64)
    W1 = torch.tensor([[0.8, 0.4, 0.3], [0.2, 0.9, 0.5]], dtype=F64)
    W2 = torch.tensor([0.3, 0.5, 0.9], dtype=F64)
    got = _check_chain(student, reference, x, 0.0, W1, W2,
                       "sigmoid_grad_chain on the page's example")  # fmt: skip
    if isinstance(got, torch.Tensor) and got.shape != ():
        fail(f"sigmoid_grad_chain on the page's example returned a tensor of shape"
             f" {tuple(got.shape)}: the docstring asks for a float64 tensor of shape () (or a"
             " Python float), one number with no dimension. Index single entries (W2[0], a[0],"
             " x[0]) rather than slices such as W2[:1], and do not reshape the product.")


@points(2, "sigmoid_grad_chain")
def test_sigmoid_grad_chain_random_networks(student, reference):
    # One input (x of shape (1,), W1 (1, h)) and one hidden unit (W1 (d, 1), W2 (1,)) too: the
    # docstring's shapes hold for any d and h.
    for seed, (d, h) in [(20, (2, 3)), (21, (2, 3)), (22, (4, 5)), (24, (1, 3)), (25, (3, 1))]:
        x, y, W1, W2 = _chain_example(seed, d, h)
        try:
            _check_chain(
                student, reference, x, y, W1, W2, f"sigmoid_grad_chain for a {d}-{h}-1 network"
            )
        except GradingFailure as failure:
            if min(d, h) > 1 or not failure.raised:
                raise
            fail(f"{failure}\nx has shape (d,), W1 (d, h) and W2 (h,) for any sizes, d = 1 or"
                 " h = 1 included: keep them as they are (a .squeeze() of W1 turns (1, h) or"
                 " (d, 1) into a vector), so that a = sigmoid(x @ W1) has shape (h,) and"
                 " a[0] is a11.")  # fmt: skip


@points(1, "sigmoid_grad_chain")
def test_sigmoid_grad_chain_matches_autograd(student, reference):
    x, y, W1, W2 = _chain_example(23, 2, 3)
    got = _chain_value(student.sigmoid_grad_chain(x.clone(), y, W1.clone(), W2.clone()),
                       "sigmoid_grad_chain(x, y, W1, W2)")  # fmt: skip
    leaf = W1.clone().requires_grad_(True)
    ((y - torch.sigmoid(x @ leaf) @ W2) ** 2).backward()
    expect_close(
        got,
        leaf.grad[0, 0],
        "sigmoid_grad_chain compared with torch.autograd's dC/dW1[0, 0]",
        hint=_ESTIMATED if torch.allclose(got, leaf.grad[0, 0], rtol=1e-6, atol=0) else
        "Multiply the four links: -2 (y - y_hat), w31, a11 (1 - a11) and x1.",
        **_CHAIN_CLOSE,
    )


# -- hidden tests (instructor grading only: left out of the student edition) --------------------


@points(1, "feed_forward", hidden=True)
def test_hidden_feed_forward_wider_network_more_examples(student, reference):
    # Public networks have n <= 8, d <= 4, h <= 6: a table of their answers has none this size.
    inputs, outputs, weights = _network(9002, 12, 5, 7)
    _check_feed_forward(student, reference, inputs, outputs, weights,
                        "feed_forward on 12 examples, a 5-7-1 network with biases")  # fmt: skip


@points(1, "numerical_gradient", hidden=True)
def test_hidden_numerical_gradient_eps_0_01_other_sizes(student, reference):
    # eps = 0.01 is a step no public test takes, on a network size none uses.
    inputs, outputs, weights = _network(9003, 7, 3, 2)
    what = "numerical_gradient for a 3-2-1 network on 7 examples (eps=0.01)"
    _check_numerical_gradient(student, reference, inputs, outputs, weights, 1e-2, what)


@points(1, "sigmoid_grad_chain", hidden=True)
def test_hidden_sigmoid_grad_chain_other_sizes(student, reference):
    _check_chain(student, reference, *_chain_example(9001, 5, 4), "sigmoid_grad_chain, d=5, h=4")
