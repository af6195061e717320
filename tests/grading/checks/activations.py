"""Grading tests for exercises/activations.py."""

import torch

from coursekit.grading import (
    NO_GRAD,
    GradingFailure,
    expect_close,
    expect_dtype,
    expect_shape,
    expect_unchanged,
    fail,
    points,
    seeded_randn,
)

# What the docstrings forbid (the formulas are the exercise): torch's sigmoid and ReLU in any
# spelling, torch.nn.functional, autograd (also a node of its graph called directly, grad_fn). A
# test that passes still fails if they are used.
_OWN = ("sigmoid", "sigmoid_", "expit", "Sigmoid", "relu", "relu_", "ReLU", "leaky_relu",
        "leaky_relu_", "LeakyReLU", "functional", "backward", "autograd", "func",
        "grad_fn", "functorch", "_functorch", "ops",
        # forward-mode autograd under the names torch._C gives it (a red team's, session 30)
        "_make_dual", "_unpack_dual", "_enter_dual_level", "forward_ad",
        # torch's other activations, which hold these (exp(log_sigmoid(x)) is sigmoid(x),
        # prelu with slope 0.01 is leaky_relu), under torch's names and torch._C._nn's
        "log_sigmoid", "logsigmoid", "LogSigmoid", "log_expit", "silu", "SiLU", "glu", "GLU",
        "softplus", "Softplus", "hardsigmoid", "Hardsigmoid", "prelu", "PReLU", "rrelu",
        "rrelu_", "RReLU", "threshold", "threshold_", "Threshold", "hardtanh", "hardtanh_",
        "Hardtanh", "relu6", "ReLU6", "elu", "elu_", "ELU", "celu", "celu_", "CELU", "selu",
        "selu_", "SELU",
        # and the losses built on them: exp(-binary_cross_entropy_with_logits(x, 1)) is sigmoid(x);
        # softmax, an activation too: softmax([0, x])[1] is sigmoid(x) (a red team's, session 30)
        *sorted(n for n in {*dir(torch), *dir(torch._C._nn), *dir(torch.nn), *dir(torch.Tensor),
                            *dir(torch.ops.aten)}
                if any(w in n.lower() for w in ("loss", "cross_entropy", "margin", "softmax",
                                                "softmin"))))  # fmt: skip
# The functions themselves may subclass torch.autograd.Function (forward and backward written
# by hand, PyTorch's tutorial "Defining new autograd functions"); calling autograd stays
# forbidden: torch.autograd.grad, however imported, and forward_ad.
_VALUES = (*(n for n in _OWN if n != "autograd"), "grad", "forward_ad")
BY_HAND = {
    **dict.fromkeys(("sigmoid", "relu", "leaky_relu"), _VALUES),
    **dict.fromkeys(("sigmoid_grad", "tanh_grad", "relu_grad"), _OWN),
}

# Shapes of every kind: a single number (0-dim), a vector, a matrix, a 3-d batch.
SHAPES = [(), (7,), (3, 4), (2, 3, 5)]
# Inputs where the naive formulas overflow: exp(-x) or exp(x) is inf in float32 beyond ~88.7.
LARGE = torch.tensor([-1000.0, -100.0, -90.0, -20.0, 0.0, 20.0, 90.0, 100.0, 1000.0])

_ONE_SIGN = (
    "These inputs passed inside a tensor that also held large inputs of the other sign: your"
    " code seems to choose one formula for the whole tensor (`if x.max() > 80:` or `if x.min()"
    " < -80:`), and a tensor whose large inputs all have one sign gets the formula that"
    " overflows for them. Choose per entry, with torch.where(x >= 0, ...) and each formula"
    " given inputs it cannot overflow on, or use a formula that is stable everywhere."
)


def _each_sign(x: torch.Tensor, check) -> None:
    """``check(x)``, then on x's entries <= 0 alone and >= 0 alone: a formula chosen for the
    whole tensor by one extreme (`if x.max() > 80:`) passes a tensor holding both."""
    check(x)
    for part in (x[x <= 0], x[x >= 0]):
        try:
            check(part)
        except GradingFailure as failure:
            fail(f"{failure}\n{_ONE_SIGN}")


def _inputs(seed: int, shape, scale=4.0, dtype=torch.float32, zeros=True) -> torch.Tensor:
    """Random inputs around 0, with exact zeros mixed in (ReLU's kink) when there is room.

    Gradient tests use zeros=False: at a kink, autograd's choice depends on how the function
    is written (clamp and where differ at 0), and any choice is correct there.
    """
    x = seeded_randn(seed, shape, scale, dtype)
    if zeros and x.numel() >= 4:
        x.view(-1)[::4] = 0.0
    return x


def _cases():
    """(input, description) pairs covering every shape, in float32 and float64."""
    cases = []
    for seed, shape in enumerate(SHAPES):
        for dtype in (torch.float32, torch.float64):
            x = _inputs(seed, shape, dtype=dtype)
            name = "float64" if dtype == torch.float64 else "float32"
            cases.append((x, f"a {name} tensor of shape {tuple(shape)}"))
    # Every entry positive: relu's answer has x's values, and must still be a new tensor.
    cases.append((_inputs(7, (3, 4), zeros=False).abs() + 0.5, "a float32 tensor of shape"
                  " (3, 4) whose entries are all positive"))  # fmt: skip
    return cases


_CHAIN_RULE = (
    "The gradient reaching x must be the upstream gradient times the local slope (the chain"
    " rule). A torch.autograd.Function whose backward returns the slope alone, without"
    " multiplying by grad_output, is right only when the result is summed (upstream all ones):"
    " in a network, with any loss after it, it gives wrong gradients. Return grad_output * slope"
    " (or build the function from torch operations and let autograd do it)."
)


def _expect_chain_rule(student, fn, x, slope, what, seed, **kwargs) -> None:
    """``fn``'s gradient under an upstream gradient other than ones: ``upstream * slope``."""
    upstream = seeded_randn(seed, x.shape, dtype=x.dtype)
    outcome = student.run(fn, x.clone(), grad=upstream, **kwargs)
    if outcome.grads is None or outcome.grads[0] is None:
        fail(f"No gradient flows from {what} back to x: use torch operations only." + NO_GRAD)
    expect_close(outcome.grads[0], upstream * slope,
                 f"the gradient of ({what} * G).sum() w.r.t. x, for a random G",
                 hint=_CHAIN_RULE)  # fmt: skip


def _expect_subgradient_at_zero(student, fn, low, what, **kwargs) -> None:
    """At exactly 0 (a kink) the slope may be either side's or between, never nan: a pre-
    activation of exactly 0 is common (zero-initialised weights, a ReLU before)."""
    x = torch.tensor([0.0, -0.0, 1.5, -2.0, 0.0, 3.0])
    outcome = student.run(fn, x.clone(), grad=True, **kwargs)
    got = (outcome.grads or [None])[0]
    if type(got) is not torch.Tensor or got.shape != x.shape or not got.is_floating_point():
        return  # the other checks say what is wrong
    at_zero = got[x == 0]
    outside = (at_zero < low - 1e-6) | (at_zero > 1 + 1e-6)
    if not torch.isfinite(at_zero).all() or outside.any():
        fail(f"The gradient of {what} at x = 0 is {at_zero.tolist()}: the kink's slope must be"
             f" a number from {low:g} to 1, never nan. |x| written as"
             " sqrt(x * x) has slope x / sqrt(x * x) = 0 / 0 = nan at 0; use torch.where(x > 0,"
             " ...) or torch.clamp, whose slopes at 0 are one side's.")  # fmt: skip


def _call(student, fn: str, x: torch.Tensor, what: str, *args, no_grad=False) -> torch.Tensor:
    """Call the student's elementwise function; check shape, dtype and that x is untouched."""
    outcome = student.run(fn, x.clone(), *args, no_grad=no_grad)
    got = expect_shape(outcome.value, x.shape, what)
    expect_dtype(got, x.dtype, what)
    expect_unchanged(x, outcome.args[0], f"the input x of {fn}")
    if 0 in outcome.shares:
        fail(f"{what} returned x itself (or a view of it), where the docstring asks for a NEW"
             " tensor: a caller that changes the result in place would change x too. Build"
             " the result (torch.where, torch.clamp), or return x.clone().")
    return got


def _nonfinite_hint(got: torch.Tensor, x: torch.Tensor) -> str | None:
    bad = ~torch.isfinite(got)
    if not bad.any():
        return None
    where = x[bad].tolist() if x.ndim else [x.item()]
    return (
        f"Some results are inf or nan (at inputs {where[:4]}): exp() of a large number"
        " overflows to inf, and inf / inf is nan. Arrange the formula so that a large input"
        " only ever makes exp() small, never huge."
    )


# --- sigmoid ---------------------------------------------------------------------------------


def _sigmoid_hint(got, x, reference) -> str | None:
    hint = _nonfinite_hint(got, x)
    if hint:
        return hint
    if torch.allclose(got, reference.sigmoid(-x), atol=1e-6):
        return "You computed sigmoid(-x): the formula is 1 / (1 + exp(-x)), with minus x inside."
    if torch.allclose(got, 1 / (1 + torch.exp(x.abs())), atol=1e-6):
        return "sigmoid(0) must be 0.5 and sigmoid(x) > 0.5 for x > 0."
    return None


@points(2, "sigmoid")
def test_sigmoid_values(student, reference):
    for x, desc in _cases():
        what = f"sigmoid of {desc}"
        got = _call(student, "sigmoid", x, what)
        want = reference.sigmoid(x)
        expect_close(got, want, what, hint=_sigmoid_hint(got, x, reference))


@points(1, "sigmoid")
def test_sigmoid_large_inputs(student, reference):
    def check(x):
        what = f"sigmoid of {x.tolist()} ({x.dtype})"
        got = _call(student, "sigmoid", x, what)
        expect_close(got, reference.sigmoid(x), what, hint=_sigmoid_hint(got, x, reference),
                     atol=1e-7, rtol=1e-5)  # fmt: skip

    for dtype in (torch.float32, torch.float64):
        _each_sign(LARGE.to(dtype), check)
    _under_no_grad(student, "sigmoid", LARGE, reference.sigmoid(LARGE))


def _under_no_grad(student, fn: str, x: torch.Tensor, want: torch.Tensor, *args) -> None:
    """As an evaluation loop calls it: a formula chosen by the grad mode kept every point."""
    what = f"{fn} of {x.tolist() if x.numel() < 10 else tuple(x.shape)} under torch.no_grad()"
    expect_close(_call(student, fn, x, what, *args, no_grad=True), want, what,
                 hint="The same x passed with autograd on. torch.no_grad() only stops autograd"
                      " from recording: the values must not change with it (do not test"
                      " torch.is_grad_enabled() or x.requires_grad).")  # fmt: skip


@points(1, "sigmoid")
def test_sigmoid_is_differentiable(student, reference):
    for x in (_inputs(7, (5, 6), zeros=False), torch.tensor(0.7)):  # a single number too
        where = f" for x of shape {tuple(x.shape)}"
        outcome = student.run("sigmoid", x.clone(), grad=True)
        expect_close(expect_shape(outcome.value, x.shape, "sigmoid(x)"), reference.sigmoid(x),
                     "sigmoid(x)")  # the gradient of sigmoid(x) + 5 is sigmoid's  # fmt: skip
        if outcome.grads is None or outcome.grads[0] is None:
            fail(
                f"No gradient flows from sigmoid(x) back to x{where}: use torch operations only"
                " (no .item(), .detach(), .numpy(), math.exp or Python floats), so autograd can"
                " see them." + NO_GRAD
            )
        expect_close(outcome.grads[0], reference.sigmoid_grad(x),
                     f"the gradient of sigmoid(x).sum() with respect to x{where}",
                     hint="Autograd should find sigmoid(x) * (1 - sigmoid(x)).")  # fmt: skip
    x = _inputs(7, (5, 6), zeros=False)
    _expect_chain_rule(student, "sigmoid", x, reference.sigmoid_grad(x), "sigmoid(x)", 70)


@points(1, "sigmoid")
def test_sigmoid_gradient_is_finite_for_large_inputs(student, reference):
    def check(x):
        dtype = x.dtype
        what = f"the gradient of sigmoid(x).sum() with respect to x = {x.tolist()} ({dtype})"
        outcome = student.run("sigmoid", x.clone(), grad=True)
        got = outcome.grads[0] if outcome.grads else None
        if got is None:
            fail(f"No gradient flows back to x in {what}." + NO_GRAD)
        if type(got) is torch.Tensor and got.is_floating_point():
            _expect_finite_sigmoid_gradient(got, outcome.value, x, what, reference.sigmoid(x))
        value = expect_dtype(expect_shape(outcome.value, x.shape, "sigmoid(x)"), dtype,
                             "sigmoid(x)")  # fmt: skip
        expect_close(value, reference.sigmoid(x), f"sigmoid of {x.tolist()} ({dtype})",
                     hint=_sigmoid_hint(value, x, reference), atol=1e-7, rtol=1e-5)
        expect_close(got, reference.sigmoid_grad(x), what, atol=1e-7, rtol=1e-5)

    large = LARGE[LARGE != 0]  # 0 has a test of its own (below)
    for dtype in (torch.float32, torch.float64):
        _each_sign(large.to(dtype), check)


@points(1, "sigmoid")
def test_sigmoid_gradient_at_zero(student, reference):
    # The sigmoid is smooth at 0, with its steepest slope there (0.25): a network whose
    # pre-activations start at exactly 0 (zero weights) learns through that slope. Formulas
    # built from |x| or clamp get autograd's one-sided choice at their kink instead.
    for x in (torch.tensor([0.0, -0.0, 0.5, -0.5]), torch.tensor(0.0, dtype=torch.float64)):
        what = f"the gradient of sigmoid(x).sum() at x = {x.tolist()} ({x.dtype})"
        outcome = student.run("sigmoid", x.clone(), grad=True)
        got = outcome.grads[0] if outcome.grads else None
        if got is None:
            fail(f"No gradient flows back to x in {what}." + NO_GRAD)
        value = expect_dtype(expect_shape(outcome.value, x.shape, "sigmoid(x)"), x.dtype,
                             "sigmoid(x)")  # fmt: skip
        expect_close(value, reference.sigmoid(x), f"sigmoid of {x.tolist()} ({x.dtype})",
                     hint=_sigmoid_hint(value, x, reference))  # fmt: skip
        want = reference.sigmoid_grad(x)
        if type(got) is torch.Tensor and got.shape == x.shape and got.dtype == x.dtype:
            at_zero = got[x == 0]  # a 1-d tensor, for a 0-dim x too
            if not torch.isclose(at_zero, want[x == 0]).all():
                slopes = sorted({round(float(g), 4) for g in at_zero})
                fail(f"{what[0].upper()}{what[1:]} is {slopes} at x = 0, where the sigmoid's"
                     " slope is sigmoid(0) * (1 - sigmoid(0)) = 0.25. The function is smooth"
                     " there, but autograd differentiates the formula as written: |x|, clamp"
                     " and relu have a kink at 0, where autograd takes the slope of one side"
                     " (0 for |x|), so a sigmoid built from exp(-|x|) or a clamped x gets a"
                     " wrong slope at exactly 0. Pick the two formulas with one condition,"
                     " torch.where(x >= 0, x, 0) and torch.where(x >= 0, 0, x) for their"
                     " inputs: at 0 both sides then come from 1 / (1 + exp(-x)).")  # fmt: skip
        expect_close(got, want, what)


def _expect_finite_sigmoid_gradient(got, value, x, what, want) -> None:
    """Name the cause of an inf or nan gradient (the values are compared after this, and
    wrong values get their own message: sigmoid(-x) has a nan gradient at -1000 too)."""
    bad = ~torch.isfinite(got)
    if got.shape != x.shape or not bad.any():
        return
    values_right = type(value) is torch.Tensor and value.shape == want.shape and bool(
        torch.isclose(value.double(), want.double(), rtol=1e-5, atol=1e-7).all())
    at = f"{what[0].upper()}{what[1:]} is inf or nan at x = {x[bad].tolist()[:4]}"
    if type(value) is torch.Tensor and not torch.isfinite(value).all():
        fail(f"{at}, and so is sigmoid(x) itself: exp() of a large number overflows to inf."
             " Exponentiate only numbers <= 0: 1 / (1 + exp(-x)) where x >= 0, exp(x) /"
             " (1 + exp(x)) where x < 0.")  # fmt: skip
    if not values_right:
        return  # the values' own message names what is wrong first
    if (x[bad] < 0).all():
        fail(f"{at}, though the values are right. 1 / (1 + exp(-x)) gives 1 / inf = 0 for"
             " x = -1000, but autograd's way back through it computes 0 * inf = nan"
             " (exp(1000.) is inf). Exponentiate only numbers <= 0: exp(x) / (1 + exp(x))"
             " where x < 0, 1 / (1 + exp(-x)) where x >= 0.")  # fmt: skip
    fail(f"{at}, though the values are right. The usual cause is torch.where(x >= 0, a, b)"
         " picking between two formulas that are each computed on every x: autograd goes back"
         " through both, and where the discarded one overflowed, its zero gradient times inf"
         " is nan. Give each formula inputs it cannot overflow on, e.g. torch.where(x >= 0, x,"
         " 0) for 1 / (1 + exp(-x)) and torch.where(x >= 0, 0, x) for exp(x) / (1 + exp(x)).")


# --- sigmoid_grad ----------------------------------------------------------------------------


def _sigmoid_grad_hint(got, x, reference) -> str | None:
    hint = _nonfinite_hint(got, x)
    if hint:
        return hint
    s = reference.sigmoid(x)
    if torch.allclose(got, reference.sigmoid(1 - s), atol=1e-6):
        return (
            "You computed sigmoid(1 - sigmoid(x)), the sigmoid OF (1 - sigmoid(x)). The"
            " derivative is a product: sigmoid(x) * (1 - sigmoid(x))."
        )
    if torch.allclose(got, x * (1 - x), atol=1e-6):
        return (
            "You computed x * (1 - x): the formula s * (1 - s) needs s = sigmoid(x), not x itself."
        )
    if torch.allclose(got, s, atol=1e-6):
        return "You returned sigmoid(x) itself, not its derivative sigmoid(x) * (1 - sigmoid(x))."
    if torch.allclose(got, s * (1 + s), atol=1e-6):
        return "You computed s * (1 + s): the second factor is one MINUS the sigmoid, s * (1 - s)."
    return None


@points(2, "sigmoid_grad")
def test_sigmoid_grad_values(student, reference):
    for x, desc in _cases():
        what = f"sigmoid_grad of {desc}"
        got = _call(student, "sigmoid_grad", x, what)
        expect_close(got, reference.sigmoid_grad(x), what,
                     hint=_sigmoid_grad_hint(got, x, reference))  # fmt: skip


@points(1, "sigmoid_grad")
def test_sigmoid_grad_peak_and_large_inputs(student, reference):
    def check(x):
        what = f"sigmoid_grad of {x.tolist()} ({x.dtype})"
        got = _call(student, "sigmoid_grad", x, what)
        expect_close(got, reference.sigmoid_grad(x), what,
                     hint=_sigmoid_grad_hint(got, x, reference), atol=1e-7, rtol=1e-5)  # fmt: skip

    for dtype in (torch.float32, torch.float64):
        _each_sign(LARGE.to(dtype), check)


# --- tanh_grad -------------------------------------------------------------------------------


def _tanh_grad_hint(got, x) -> str | None:
    if hint := _nonfinite_hint(got, x):
        return hint + " torch.tanh(x) itself never overflows: 1 - torch.tanh(x)**2."
    t = torch.tanh(x)
    if torch.allclose(got, 1 - t, atol=1e-6):
        return "You computed 1 - tanh(x): the derivative squares tanh, 1 - tanh(x)**2."
    if torch.allclose(got, t**2 - 1, atol=1e-6):
        return "The sign is flipped: the derivative is 1 - tanh(x)**2, which is never negative."
    if torch.allclose(got, 1 - x**2, atol=1e-6):
        return "You computed 1 - x**2: square tanh(x), not x."
    if torch.allclose(got, (1 - torch.tanh(x)) ** 2, atol=1e-6):
        return "You squared (1 - tanh(x)): only tanh is squared, 1 - tanh(x)**2."
    if torch.allclose(got, 1 / torch.cosh(x), atol=1e-6):
        return "You computed sech(x) = 1 / cosh(x): the derivative is its square, 1 / cosh(x)**2."
    return None


@points(2, "tanh_grad")
def test_tanh_grad_values(student, reference):
    for x, desc in _cases():
        what = f"tanh_grad of {desc}"
        got = _call(student, "tanh_grad", x, what)
        expect_close(got, reference.tanh_grad(x), what, hint=_tanh_grad_hint(got, x))


@points(1, "tanh_grad")
def test_tanh_grad_peak_and_large_inputs(student, reference):
    # exp(2x) is inf in float32 beyond x = 44, exp(x) beyond 89 (float64: 355 and 710)
    def check(x):
        what = f"tanh_grad of {x.tolist()} ({x.dtype})"
        got = _call(student, "tanh_grad", x, what)
        expect_close(got, reference.tanh_grad(x), what, hint=_tanh_grad_hint(got, x))

    for dtype in (torch.float64, torch.float32):
        _each_sign(torch.tensor([-1000.0, -100.0, -50.0, -3.0, -0.5, 0.0, 0.5, 3.0, 50.0, 100.0,
                                 1000.0], dtype=dtype), check)  # fmt: skip


# --- relu ------------------------------------------------------------------------------------


@points(2, "relu")
def test_relu_values(student, reference):
    for x, desc in _cases():
        what = f"relu of {desc}"
        got = _call(student, "relu", x, what)
        hint = None
        if torch.allclose(got, torch.clamp(x, max=0)):
            hint = "You kept the negative entries: ReLU keeps the POSITIVE ones, max(x, 0)."
        elif torch.allclose(got, x.abs()):
            hint = "You returned |x|: negative inputs must become 0, not change sign."
        expect_close(got, reference.relu(x), what, hint=hint)
    _under_no_grad(student, "relu", x, reference.relu(x))


@points(1, "relu")
def test_relu_leaves_its_input_alone_and_is_differentiable(student, reference):
    x = _inputs(8, (4, 5))
    outcome = student.run("relu", x.clone())
    expect_shape(outcome.value, x.shape, "relu(x)")
    expect_unchanged(x, outcome.args[0], "the input x of relu")
    x = _inputs(9, (4, 5), zeros=False)
    grad_outcome = student.run("relu", x.clone(), grad=True)
    expect_close(grad_outcome.value, reference.relu(x), "relu(x)")  # a gradient of a wrong relu
    if grad_outcome.grads is None or grad_outcome.grads[0] is None:
        fail("No gradient flows from relu(x) back to x: use torch operations only." + NO_GRAD)
    expect_close(grad_outcome.grads[0], reference.relu_grad(x),
                 "the gradient of relu(x).sum() with respect to x")  # fmt: skip
    _expect_chain_rule(student, "relu", x, reference.relu_grad(x), "relu(x)", 71)
    _expect_subgradient_at_zero(student, "relu", 0.0, "relu(x)")


# --- relu_grad -------------------------------------------------------------------------------


def _relu_grad_hint(got, x) -> str | None:
    if torch.equal(got, (x >= 0).to(got.dtype)):
        return (
            "You return 1 at x = 0. ReLU has no derivative there; PyTorch's autograd uses 0,"
            " and so must you: 1 only where x > 0 (strictly)."
        )
    if torch.equal(got[x < 0], torch.ones_like(got[x < 0])):
        return "You return 1 at negative inputs: ReLU is flat (slope 0) for x < 0."
    if bool((x < 0).any()) and torch.equal(got[x < 0], -torch.ones_like(got[x < 0])):
        return ("You return -1 at negative inputs (the sign of x): ReLU is flat there, so its"
                " slope is 0, not -1.")
    if torch.equal(got, (x < 0).to(got.dtype)):
        return "Your mask is reversed: the slope is 1 where x > 0 and 0 where x < 0."
    if bool((x == 0).any()) and torch.equal(got[x == 0], torch.full_like(got[x == 0], 0.5)):
        return ("You return 0.5 at x = 0 (the midpoint of a step such as (sign(x) + 1) / 2, or"
                " heaviside with 0.5): PyTorch's choice there is 0, so return 1 only where x > 0.")
    return None


@points(2, "relu_grad")
def test_relu_grad_values(student, reference):
    for x, desc in _cases():
        what = f"relu_grad of {desc}"
        outcome = student.run("relu_grad", x.clone())
        got = expect_shape(outcome.value, x.shape, what)
        if got.dtype == torch.bool:
            fail(
                f"{what} is a bool tensor: turn the mask into numbers of the input's dtype,"
                " e.g. (x > 0).to(x.dtype)."
            )
        expect_dtype(got, x.dtype, what)
        expect_unchanged(x, outcome.args[0], "the input x of relu_grad")
        expect_close(got, reference.relu_grad(x), what, hint=_relu_grad_hint(got, x))


@points(1, "relu_grad")
def test_relu_grad_at_zero_is_zero(student, reference):
    # Tiny positive inputs too: the slope is 1 however close to 0 (a scaled clamp is not).
    x = torch.tensor([-1.0, -1e-6, 0.0, -0.0, 1e-6, 1.0, 1e-12, 1e-300], dtype=torch.float64)
    what = f"relu_grad of {x.tolist()}"
    got = _call(student, "relu_grad", x, what)
    expect_close(got, reference.relu_grad(x), what, hint=_relu_grad_hint(got, x))
    # Whole numbers, 0 among them: a choice at 0 keyed on x being whole kept 4/4 (session 37).
    x = torch.arange(-3.0, 4.0)
    what = f"relu_grad of the whole numbers {x.tolist()}"
    got = _call(student, "relu_grad", x, what)
    expect_close(got, reference.relu_grad(x), what, hint=_relu_grad_hint(got, x))


# --- leaky_relu ------------------------------------------------------------------------------


def _leaky_hint(got, x, slope) -> str | None:
    rounded = float(torch.tensor(slope, dtype=torch.float32))
    if x.dtype == torch.float64 and rounded != slope and torch.allclose(
            got, torch.where(x > 0, x, rounded * x), rtol=1e-13, atol=0):  # fmt: skip
        return (f"Your negative entries are off in the 8th digit: they were multiplied by"
                f" negative_slope rounded to float32 ({rounded!r}); torch.tensor({slope}) is a"
                " float32 tensor. Multiply by the Python float itself (negative_slope * x), or"
                " build the tensor in x's dtype (torch.tensor(negative_slope, dtype=x.dtype)).")
    if torch.allclose(got, torch.where(x > 0, slope * x, x)):
        return (
            "The slope is on the wrong side: positive inputs pass through unchanged and"
            f" negative ones are multiplied by negative_slope ({slope})."
        )
    if slope != 0.01 and torch.allclose(got, torch.where(x > 0, x, 0.01 * x)):
        return f"You used 0.01 instead of the negative_slope passed in ({slope})."
    if slope and torch.allclose(got, torch.where(x > 0, x, -slope * x)):
        return (f"Negative inputs came out positive: they are multiplied by negative_slope"
                f" ({slope}) itself, keeping their sign, not by -negative_slope.")
    if torch.allclose(got, torch.clamp(x, min=0) + slope * x):
        return (f"Positive inputs came out as (1 + {slope}) * x: the slope term is added on both"
                " sides. Apply negative_slope to the negative entries only (torch.where(x > 0, x,"
                " negative_slope * x), or clamp(x, max=0) for that term).")
    if torch.allclose(got, torch.clamp(x, min=0)):
        return "Negative inputs must become negative_slope * x, not 0 (that is plain ReLU)."
    if torch.allclose(got, torch.where(x > 0, x, torch.full_like(x, slope))):
        return (f"Negative inputs became negative_slope itself ({slope}): multiply them by it,"
                " negative_slope * x.")
    return None


@points(2, "leaky_relu")
def test_leaky_relu_default_slope(student, reference):
    for x, desc in _cases():
        what = f"leaky_relu of {desc}"
        got = _call(student, "leaky_relu", x, what)
        expect_close(got, reference.leaky_relu(x), what, hint=_leaky_hint(got, x, 0.01))


@points(1, "leaky_relu")
def test_leaky_relu_other_slopes(student, reference):
    # 0.9: any slope below 1 (a slope above 0.5 replaced by 0.5 kept every point, session 37)
    for seed, slope in [(20, 0.2), (21, 0.0), (22, 0.5), (23, 0.9)]:
        x = _inputs(seed, (3, 6))
        what = f"leaky_relu(x, negative_slope={slope})"
        got = _call(student, "leaky_relu", x, what, slope)
        expect_close(got, reference.leaky_relu(x, slope), what, hint=_leaky_hint(got, x, slope))


@points(1, "leaky_relu")
def test_leaky_relu_keyword_and_gradient(student, reference):
    x = _inputs(23, (4, 4), dtype=torch.float64, zeros=False)
    outcome = student.run("leaky_relu", x.clone(), grad=True, negative_slope=0.1)
    got = expect_shape(outcome.value, x.shape, "leaky_relu(x, negative_slope=0.1)")
    expect_dtype(got, x.dtype, "leaky_relu(x, negative_slope=0.1)")
    expect_unchanged(x, outcome.args[0], "the input x of leaky_relu")
    expect_close(got, reference.leaky_relu(x, 0.1), "leaky_relu(x, negative_slope=0.1)",
                 hint=_leaky_hint(got, x, 0.1))  # fmt: skip
    if outcome.grads is None or outcome.grads[0] is None:
        fail("No gradient flows from leaky_relu(x) back to x: use torch operations only."
             + NO_GRAD)
    want = torch.where(x > 0, torch.ones_like(x), torch.full_like(x, 0.1))
    expect_close(outcome.grads[0], want, "the gradient of leaky_relu(x, 0.1).sum() w.r.t. x",
                 hint="The slope is 1 for x > 0 and negative_slope elsewhere.")  # fmt: skip
    _expect_chain_rule(student, "leaky_relu", x, want, "leaky_relu(x, 0.1)", 72,
                       negative_slope=0.1)  # fmt: skip
    _expect_subgradient_at_zero(student, "leaky_relu", 0.0, "leaky_relu(x, 0.1)",
                                negative_slope=0.1)  # fmt: skip


# -- hidden tests (instructor grading only: left out of the student edition) --------------------


@points(1, "sigmoid", hidden=True)
def test_hidden_sigmoid_other_inputs(student, reference):
    from coursekit.grading import expect_close, seeded_randn

    for scale, dtype in ((4.0, torch.float64), (300.0, torch.float32)):  # then far beyond 88.7
        x = seeded_randn(9001, (3, 7), scale=scale, dtype=dtype)
        expect_close(student.sigmoid(x), reference.sigmoid(x),
                     f"sigmoid of a (3, 7) {dtype} tensor, entries of scale {scale:g}")


@points(1, "sigmoid_grad", hidden=True)
def test_hidden_sigmoid_grad_4d_wide_range(student, reference):
    # scale 40 puts a few entries beyond +-88.7, where exp() overflows float32, as LARGE does
    x = _inputs(9002, (2, 3, 2, 4), scale=40.0)
    what = "sigmoid_grad of a float32 tensor of shape (2, 3, 2, 4), entries from -134 to 112"
    got = _call(student, "sigmoid_grad", x, what)
    expect_close(got, reference.sigmoid_grad(x), what, hint=_sigmoid_grad_hint(got, x, reference))


@points(1, "tanh_grad", hidden=True)
def test_hidden_tanh_grad_4d_float64(student, reference):
    # Public inputs stop at 3 dimensions: a table of their answers has no 4-d entry.
    x = _inputs(9003, (3, 1, 2, 5), scale=2.0, dtype=torch.float64)
    what = "tanh_grad of a float64 tensor of shape (3, 1, 2, 5)"
    got = _call(student, "tanh_grad", x, what)
    expect_close(got, reference.tanh_grad(x), what, hint=_tanh_grad_hint(got, x))


@points(1, "relu", hidden=True)
def test_hidden_relu_5d_with_zeros(student, reference):
    x = _inputs(9004, (2, 1, 3, 2, 2), scale=0.5)
    what = "relu of a float32 tensor of shape (2, 1, 3, 2, 2) with exact zeros"
    expect_close(_call(student, "relu", x, what), reference.relu(x), what)


@points(1, "relu_grad", hidden=True)
def test_hidden_relu_grad_4d_float64_with_zeros(student, reference):
    x = _inputs(9005, (2, 2, 3, 3), dtype=torch.float64)
    what = "relu_grad of a float64 tensor of shape (2, 2, 3, 3) with exact zeros"
    got = _call(student, "relu_grad", x, what)
    expect_close(got, reference.relu_grad(x), what, hint=_relu_grad_hint(got, x))


@points(1, "leaky_relu", hidden=True)
def test_hidden_leaky_relu_slope_0_3_float64(student, reference):
    x = _inputs(9006, (5, 1, 4), dtype=torch.float64)
    what = "leaky_relu(x, negative_slope=0.3) of a float64 tensor of shape (5, 1, 4)"
    got = _call(student, "leaky_relu", x, what, 0.3)
    expect_close(got, reference.leaky_relu(x, 0.3), what, hint=_leaky_hint(got, x, 0.3))
