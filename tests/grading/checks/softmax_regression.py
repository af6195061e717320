"""Grading tests for exercises/softmax_regression.py."""

import math
from contextlib import suppress

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
    float32_tolerances,
    generator,
    out_of_memory,
    points,
    run_grad_or_numpy,
    seeded_labels,
    seeded_randn,
    short_repr,
)

# softmax is written by hand (its docstring): not torch's softmax or log_softmax, under any of
# the names torch gives them (softmin(-X) is softmax(X); torch.ops.aten._softmax; the ops the
# dispatcher knows, not only those loaded: aten._sparse_softmax), nor attention, whose weights
# are a softmax (scaled_dot_product_attention(X, I, I) is softmax(X)), nor the losses built on
# it (exp(-cross_entropy(X, c)) is the softmax of class c), nor an operator reached through
# torch.ops (one of their own, made with torch.library, runs its kernel out of sight).
BY_HAND = {"softmax": ("Softmax2d", "ops", *sorted(
    n for n in {*dir(torch), *dir(torch.nn), *dir(torch.nn.functional), *dir(torch.special),
                *dir(torch.Tensor), *dir(torch._C._nn), *dir(torch.ops.aten),
                *(op.split("::")[-1].split(".")[0] for op in torch._C._dispatch_get_all_op_names())}
    if any(word in n.lower() for word in ("softmax", "softmin", "attention", "cross_entropy",
                                          "loss", "kl_div")))),
           # the course's library has it (coursekit.training.accuracy, which the book uses)
           "accuracy": ("coursekit",)}  # fmt: skip


def _logits(seed: int, shape, scale: float = 3.0, dtype=torch.float32) -> torch.Tensor:
    return seeded_randn(seed, shape, scale, dtype)


def _softmax_hint(got: torch.Tensor, X: torch.Tensor) -> str | None:
    """Name the likely mistake of a softmax result that has the right shape but wrong values."""
    if not torch.isfinite(got).all():
        plain = torch.exp(X) / torch.exp(X).sum(dim=1, keepdim=True)
        if X.max() < 80 and torch.allclose(got, plain, atol=1e-6, equal_nan=True):
            return (  # no logit can overflow: a row of very negative ones underflowed
                "A row whose logits are all very negative (like -1000) came out nan: exp() of"
                " each underflows to 0, and 0 / 0 is nan. Subtracting each row's own maximum"
                " prevents this as well as overflow (the largest term becomes exp(0) = 1), so"
                " subtract it on every row and always, X - X.max(dim=1, keepdim=True).values:"
                " not only when some logit is large (`if X.max() > ...` decides for the whole"
                " batch), nor the whole tensor's maximum."
            )
        e = torch.exp(X - X.max())
        if torch.allclose(got, e / e.sum(dim=1, keepdim=True), atol=1e-6, equal_nan=True):
            return (
                "You subtract the maximum of the whole tensor (X.max() without dim): a row far"
                " below it underflows to 0 / 0 = nan. Subtract each row's own maximum,"
                " X.max(dim=1, keepdim=True).values."
            )
        return (
            "Some outputs are inf or nan: exp() of a large logit overflows. Subtract each row's"
            " maximum before exponentiating (X - X.max(dim=1, keepdim=True).values); the"
            " result is unchanged because exp(-max) cancels in the ratio."
        )
    ones = torch.ones((), dtype=got.dtype)
    if torch.allclose(got.sum(dim=0), ones.expand(got.shape[1]), atol=1e-4):
        return (
            "Your columns sum to 1 instead of your rows: the softmax was taken over dim=0."
            " Each row is one example, so normalise over dim=1 (sum(dim=1, keepdim=True))."
        )
    e = torch.exp(X - X.max(dim=1, keepdim=True).values)
    if X.shape[0] == X.shape[1] and torch.allclose(got, e / e.sum(dim=1), atol=1e-6):
        return _KEEPDIM
    if not torch.allclose(got.sum(dim=1), ones.expand(got.shape[0]), atol=1e-4):
        if got.shape[0] > 1 and torch.allclose(got.sum(), ones, atol=1e-4):  # scipy's axis=None
            return ("The whole tensor sums to 1, not each row: the max and the sum were taken"
                    " over all entries (as scipy.special.softmax does by default, axis=None)."
                    " Take them over dim=1 with keepdim=True: X.max(dim=1, keepdim=True).values"
                    " and e.sum(dim=1, keepdim=True).")
        return "The rows do not sum to 1: divide each row's exponentials by that row's sum."
    e = torch.exp(X - X.max(dim=0, keepdim=True).values)
    if torch.allclose(got, e / e.sum(dim=1, keepdim=True), atol=1e-6):
        return (
            "You subtract each COLUMN's maximum (dim=0): a shift cancels in the ratio only when"
            " it is the same for every entry of a row, and the column maxima differ. Subtract"
            " each row's own maximum, X.max(dim=1, keepdim=True).values."
        )
    ties = (got[:, :, None] == got[:, None, :]) & (X[:, :, None] != X[:, None, :])
    if (ties & (got[:, :, None] > 1e-6)).any():
        return (
            "Logits that differ got the same probability: clipping the logits (clamp) before"
            " exp() changes the softmax (1000 and 50 are not equally likely). Subtract each"
            " row's maximum instead, X - X.max(dim=1, keepdim=True).values: exp() then never"
            " overflows, and the result is unchanged."
        )
    return None


_BOTH_DTYPES = (
    "The same logits in float32 passed: your code takes another path in float64 (a branch on"
    " X.dtype?). exp() overflows in float64 too (exp(710.) is inf): subtract each row's maximum"
    " whatever the dtype."
)

_KEEPDIM = (
    "Divide by row sums of shape (n, 1): X_exp.sum(dim=1) has shape (n,), and an (n, q) tensor"
    " divided by it broadcasts along the columns (a size error, or for a square X each column"
    " divided by one row's sum). Keep the summed dimension: X_exp.sum(dim=1, keepdim=True)."
)


_GRAD_MODE = (
    "torch.no_grad() (an evaluation loop's) only stops autograd from recording; the values must"
    " not change with it. Do not choose the formula by torch.is_grad_enabled() or"
    " X.requires_grad."
)


def _run_softmax(student, X: torch.Tensor, **how):
    """``student.run("softmax", X.clone(), **how)``; a RuntimeError names the likely cause."""
    try:
        return student.run("softmax", X.clone(), **how)
    except GradingFailure as failure:
        if "RuntimeError" not in failure.raised:
            raise
        fail(f"{failure}\nIf the sizes do not match where you divide: {_KEEPDIM}")


def _check_softmax(student, reference, X: torch.Tensor, what: str, no_grad=False) -> None:
    got = _run_softmax(student, X, no_grad=no_grad).value
    got = expect_shape(got, X.shape, what)
    expect_dtype(got, X.dtype, what)
    want = reference.softmax(X)
    if X.dtype == torch.float64 or not torch.allclose(got, want, rtol=1e-4, atol=1e-6):
        expect_close(got, want, what, hint=_softmax_hint(got, X))


@points(2, "softmax")
def test_softmax_each_row_is_a_distribution(student, reference):
    for seed, shape in [(0, (4, 5)), (1, (3, 7)), (2, (6, 2))]:
        X = _logits(seed, shape)
        _check_softmax(student, reference, X, f"softmax of a {shape[0]}x{shape[1]} batch")


@points(2, "softmax")
def test_softmax_is_stable_for_large_logits(student, reference):
    # In both dtypes (the docstring's): exp(1000.) is inf in float64 too (beyond 709.8), so a
    # maximum subtracted in float32 only ("float64 has room") is caught here.
    # Very negative logits in a batch with no large one too: a shift made only `if X.max() >
    # 80` (overflow seen as the only danger) leaves that row to underflow to 0 / 0.
    for dtype in (torch.float32, torch.float64):
        name = "float64" if dtype == torch.float64 else "float32"
        for X, what in [
            ([[1000.0, 0.0, -5.0], [-1000.0, -1001.0, -1002.0], [50.0, 100.0, 1000.0]],
             "logits like 1000 and -1000"),
            ([[1.0, 2.0, 3.0], [-1000.0, -1001.0, -1002.0]],
             "logits with a row like -1000 and none large"),
            # none positive: a shift made only `if X.max() > 0` kept every point (session 38)
            ([[-1000.0, -1001.0, -1002.0], [-1003.0, -1000.0, -1001.0]],
             "logits all like -1000, none positive"),
        ]:  # fmt: skip
            try:
                _check_softmax(student, reference, torch.tensor(X, dtype=dtype),
                               f"softmax of {name} {what}")  # fmt: skip
            except GradingFailure as failure:
                if dtype == torch.float32:
                    raise
                fail(f"{failure}\n{_BOTH_DTYPES}")
    # Under torch.no_grad() too, as an evaluation loop calls it: a formula chosen by the grad
    # mode (or by X.requires_grad) kept every point (session 36).
    X = torch.tensor([[1000.0, 0.0, -5.0], [-1000.0, -1001.0, -1002.0]])
    try:
        _check_softmax(student, reference, X, "softmax of logits like 1000 and -1000 under"
                       " torch.no_grad()", no_grad=True)  # fmt: skip
    except GradingFailure as failure:
        fail(f"{failure}\nThe same logits passed with autograd on: {_GRAD_MODE}")


@points(1, "softmax")
def test_softmax_keeps_dtype_and_handles_one_row(student, reference):
    for seed, shape in [(3, (1, 4)), (4, (7, 10))]:
        X = _logits(seed, shape, dtype=torch.float64)
        _check_softmax(student, reference, X, f"softmax of a float64 {shape[0]}x{shape[1]} batch")


@points(1, "softmax")
def test_softmax_leaves_its_input_alone_and_is_differentiable(student, reference):
    X = _logits(5, (4, 6))
    outcome = _run_softmax(student, X)
    expect_shape(outcome.value, X.shape, "softmax(X)")
    expect_unchanged(X, outcome.args[0], "X (the logits)")
    hint = _softmax_hint(outcome.value, X) if outcome.value.dtype == X.dtype else None
    expect_close(outcome.value, reference.softmax(X), "softmax(X)", hint=hint)  # `return X`
    # The gradient of softmax(X).sum() is 0 for any softmax (every row sums to 1), so the
    # gradient checked is that of a weighted sum of the probabilities.
    weights = seeded_randn(6, X.shape)
    outcome = student.run("softmax", X.clone(), grad=weights)
    if outcome.grads is None or outcome.grads[0] is None:
        fail(
            "No gradient flows from softmax(X) back to X: the values are right, but autograd"
            " cannot see how they were computed, so a model using it cannot learn. Use torch"
            " operations on X itself (no .detach(), .item(), NumPy or torch.tensor(...))."
            + NO_GRAD
        )
    leaf = X.clone().requires_grad_(True)
    (reference.softmax(leaf) * weights).sum().backward()
    expect_close(
        outcome.grads[0],
        leaf.grad,
        "the gradient of (softmax(X) * W).sum() w.r.t. X",
        hint="If you wrote softmax's backward yourself: with S = softmax(X) and upstream"
        " gradient G, the gradient is S * (G - (S * G).sum(dim=1, keepdim=True)). Built from"
        " torch operations, autograd finds it for you.",
        rtol=1e-4,
        atol=1e-6,
    )
    # The docstring's large logits: the gradient must be finite there too, not only the values.
    for dtype in (torch.float32, torch.float64):  # exp(1000.) is inf in float64 too
        _expect_finite_softmax_gradient(student, reference, dtype)


def _expect_finite_softmax_gradient(student, reference, dtype) -> None:
    X = torch.tensor([[1000.0, 0.0], [-1000.0, -1001.0]], dtype=dtype)
    weights = seeded_randn(7, X.shape, dtype=dtype)
    what = "the gradient of (softmax(X) * W).sum() w.r.t. X for X = [[1000, 0], [-1000, -1001]]"
    what += " in float64" if dtype == torch.float64 else ""
    outcome = student.run("softmax", X.clone(), grad=weights)
    got = outcome.grads[0] if outcome.grads else None
    if got is None:
        fail(f"No gradient flows back to X in {what}." + NO_GRAD)
    bad_grad = type(got) is torch.Tensor and got.is_floating_point()
    bad_grad = bad_grad and not torch.isfinite(got).all()
    value = outcome.value
    if bad_grad and type(value) is torch.Tensor and not torch.isfinite(value).all():
        fail(  # the values overflowed already: the torch.where story below would mislead
            f"{what[0].upper()}{what[1:]} holds nan or inf, and so does softmax(X) itself: exp()"
            " of a logit like 1000 overflows to inf, and a row whose exponents all underflow to"
            " 0 (shifted by a maximum that is not its own) divides 0 by 0. Subtract each row's"
            " own maximum, exp(X - X.max(dim=1, keepdim=True).values): the values and the"
            " gradient are then finite."
        )
    if bad_grad:
        fail(
            f"{what[0].upper()}{what[1:]} holds nan or inf"
            f" ({int((~torch.isfinite(got)).sum())} of its {got.numel()} entries), so a model"
            " trained through it gets nan weights. The usual cause is torch.where(cond, a, b)"
            " (or a mask) choosing between a plain exp(X) formula and a stable one:"
            " torch.where evaluates BOTH branches, and autograd goes back through both; where"
            " the unused one overflowed (exp(1000.) is inf), its zero gradient times inf is nan,"
            " which poisons the sum. Do not pick between formulas: always subtract each row's"
            " maximum, exp(X - X.max(dim=1, keepdim=True).values), then divide by the row sums;"
            " no exponent is then ever above 0."
        )
    leaf = X.clone().requires_grad_(True)
    (reference.softmax(leaf) * weights).sum().backward()
    expect_close(got, leaf.grad, what, rtol=1e-4, atol=1e-6)


def _check_cross_entropy(student, reference, y_hat, y, what):
    got = expect_tensor(student.cross_entropy(y_hat.clone(), y.clone()), what)
    n = len(y)
    if got.ndim == 0 and n == 1:
        fail(
            f"{what} returned shape (), but one loss per example, shape (1,), is asked: a bare"
            " .squeeze() drops the batch dimension too when n = 1 (use .squeeze(1), or index"
            " with torch.arange(n) and y), and a mean or sum gives one number."
        )
    if got.ndim == 0:
        fail(
            f"{what} returned a single number, but one loss per example (shape ({n},)) is asked:"
            " do not take the mean or the sum; the training loop combines the losses."
        )
    if tuple(got.shape) == (n, n):
        fail(
            f"{what} has shape ({n}, {n}) instead of ({n},): y_hat[:, y] picks every label's"
            " column for every row. Pair row i with label y[i]: y_hat[torch.arange(n), y]."
        )
    expect_shape(got, (n,), what)
    expect_dtype(got, y_hat.dtype, what)
    want = reference.cross_entropy(y_hat, y)
    hint = None
    if torch.allclose(got, -want, rtol=1e-4, atol=1e-6):
        hint = (
            "Your losses are negative: the cross-entropy is MINUS the log of the probability of"
            " the true class (log of a probability is <= 0)."
        )
    elif n > 1 and torch.allclose(got, want / n, rtol=1e-4, atol=1e-6):
        hint = (f"Each loss is divided by n = {n}: return -log(y_hat[i, y[i]]) itself; the"
                " training loop averages (or sums) the losses.")
    elif torch.allclose(got, -y_hat[torch.arange(n), y], rtol=1e-4, atol=1e-6):
        hint = "You picked -y_hat[i, y[i]] without the log: the loss is -log(y_hat[i, y[i]])."
    else:  # -log(p + eps): the eps each loss implies is one small constant
        picked = y_hat[torch.arange(n), y].double()
        eps = float((torch.exp(-got.double()) - picked).median())
        if 0 < eps < 1e-2 and torch.allclose(got.double(), -torch.log(picked + eps), rtol=1e-5):
            hint = (f"You added a small constant (about {eps:.0e}) inside the log: y_hat's"
                    " entries are in (0, 1], so -log(y_hat[i, y[i]]) is finite without it, and"
                    " the constant shifts the loss of the least likely true classes most.")
        else:  # -log(clamp(p, min=c)): the losses of the true classes below c all stop at -log(c)
            stands_for = torch.exp(-got.double())  # the probability each returned loss is of
            low = (picked < stands_for * (1 - 1e-3)) & (stands_for < 1e-2)
            if low.any() and torch.allclose(got.double()[~low], -torch.log(picked[~low]),
                                            rtol=1e-5, atol=1e-6):  # fmt: skip
                floor = float(stands_for[low].min())
                hint = (f"A true class of probability {float(picked[low].min()):.0e} gets the"
                        f" loss -log({floor:.2g}) = {-math.log(floor):.4g}: you clamp (clip) the"
                        f" probabilities at about {floor:.2g} (torch.finfo(float32).eps is"
                        " 1.2e-07). y_hat's entries are in (0, 1], so -log(y_hat[i, y[i]]) is"
                        " finite without a clamp, and the clamp caps the loss of the least"
                        " likely true classes.")
    expect_close(got, want, what, hint=hint, **float32_tolerances(want, 1e-4, 1e-6))


@points(2, "cross_entropy")
def test_cross_entropy_is_per_example(student, reference):
    for seed, (n, q) in [(10, (6, 4)), (11, (5, 3)), (12, (1, 10))]:
        y_hat = reference.softmax(_logits(seed, (n, q)))
        y = seeded_labels(seed, n, q)
        _check_cross_entropy(student, reference, y_hat, y, f"cross_entropy on {n} examples")
    y_hat = reference.softmax(_logits(14, (3, 4), dtype=torch.float64))
    y = seeded_labels(14, 3, 4)
    _check_cross_entropy(student, reference, y_hat, y, "cross_entropy on float64 probabilities")
    # A batch whose (n, n) matrix (4 GiB) is over the memory limit (2 GiB unless the instructor
    # raises it): y_hat[:, y].diagonal() gives the right losses on small batches only. Logits
    # of scale 1 keep every probability over 1e-5: the batch tests the memory, not the tails.
    n = 32_768
    y_hat, y = reference.softmax(_logits(15, (n, 10), scale=1.0)), seeded_labels(15, n, 10)
    try:
        _check_cross_entropy(student, reference, y_hat, y, f"cross_entropy on {n} examples")
    except GradingFailure as exc:
        if not out_of_memory(exc):
            raise
        fail(f"cross_entropy on {n} examples ran out of memory: an (n, n) matrix such as"
             f" y_hat[:, y] holds {n * n * 4 >> 30} GiB for this batch, although only one"
             " probability per row is needed (the docstring asks not to build one). Pick them"
             " directly: y_hat[torch.arange(n), y].")


@points(1, "cross_entropy")
def test_cross_entropy_hand_example(student, reference):
    # d2l's example: probabilities 0.1 of class 0 and 0.5 of class 2.
    y_hat = torch.tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])
    y = torch.tensor([0, 2])
    _check_cross_entropy(
        student, reference, y_hat, y, "cross_entropy([[0.1,0.3,0.6],[0.3,0.2,0.5]], [0, 2])"
    )
    # A true class given a probability of 1e-10 (in (0, 1], so allowed): its loss is 23.03; a
    # clamp (1e-7) or an eps inside the log caps it. float64 on purpose: a clamp at
    # torch.finfo(dtype).eps, as torch.distributions.Categorical(probs=...) and scikit-learn's
    # log_loss do, is accepted (in float32 it would cap this loss at 15.9).
    y_hat = torch.tensor([[1e-10, 1 - 1e-10], [0.5, 0.5]], dtype=torch.float64)
    _check_cross_entropy(student, reference, y_hat, torch.tensor([0, 1]),
                         "cross_entropy([[1e-10, 1 - 1e-10], [0.5, 0.5]], [0, 1])")  # fmt: skip


@points(1, "cross_entropy")
def test_cross_entropy_gradient_and_inputs(student, reference):
    y_hat = reference.softmax(_logits(13, (4, 5)))
    y = seeded_labels(13, 4, 5)
    outcome = student.run("cross_entropy", y_hat.clone(), y.clone(), grad=True)
    expect_close(outcome.value, reference.cross_entropy(y_hat, y), "cross_entropy(y_hat, y)")
    expect_unchanged(y_hat, outcome.args[0], "y_hat")
    expect_unchanged(y, outcome.args[1], "y")
    leaf = y_hat.clone().requires_grad_(True)
    reference.cross_entropy(leaf, y).sum().backward()
    if outcome.grads is None or outcome.grads[0] is None:
        fail(
            "No gradient flows from cross_entropy back to y_hat: compute it with torch"
            " operations only (no .item(), .detach(), .numpy() or Python floats)." + NO_GRAD
        )
    _expect_ce_gradient(outcome.grads[0], leaf.grad,
                        "the gradient of cross_entropy(y_hat, y).sum() w.r.t. y_hat")
    # Each example's loss weighted apart (a weighted mean, or the chain rule from a mean): the
    # gradient of example i's loss is scaled by its own weight, not by 1.
    weights = (1.5 + seeded_randn(14, y.shape)).to(y_hat.dtype)
    outcome = student.run("cross_entropy", y_hat.clone(), y.clone(), grad=weights)
    if outcome.grads is None or outcome.grads[0] is None:
        fail("No gradient flows from cross_entropy back to y_hat." + NO_GRAD)
    leaf = y_hat.clone().requires_grad_(True)
    (reference.cross_entropy(leaf, y) * weights).sum().backward()
    _expect_ce_gradient(outcome.grads[0], leaf.grad,
                        "the gradient of (cross_entropy(y_hat, y) * w).sum() w.r.t. y_hat, for"
                        " random weights w",
                        "Example i's gradient must be scaled by the gradient flowing into its"
                        " loss (the chain rule). A torch.autograd.Function whose backward returns"
                        " -1/y_hat without multiplying by grad_output is right only under .sum():"
                        " return grad_output[:, None] * (your gradient).")  # fmt: skip


def _expect_ce_gradient(got, want, what, hint=None):
    # torch.distributions' Categorical(probs=y_hat) renormalises the rows, which adds a
    # constant to each row's gradient: only changes along the rows count
    if got.shape == want.shape and torch.allclose(
            *(g - g.mean(dim=1, keepdim=True) for g in (got, want)), rtol=1e-4, atol=1e-6):
        return
    expect_close(
        got,
        want,
        what,
        hint=hint or "Only the true class's entry of each row should get a gradient, -1/y_hat.",
        rtol=1e-4,
        atol=1e-6,
    )


def _accuracy_inputs():
    y_hat = torch.tensor(
        [[0.1, 0.7, 0.2], [0.8, 0.1, 0.1], [0.2, 0.3, 0.5], [0.6, 0.3, 0.1],
         [0.1, 0.1, 0.8], [0.3, 0.4, 0.3], [0.5, 0.2, 0.3], [0.2, 0.2, 0.6]]
    )  # fmt: skip
    y = torch.tensor([1, 0, 2, 1, 2, 1, 0, 0])  # rows 3 and 7 are wrong: 6 of 8 right
    return y_hat, y


def _check_accuracy(student, y_hat, y, want: float, what: str, extra_hint=None) -> None:
    try:
        got = student.accuracy(y_hat.clone(), y.clone())
    except GradingFailure as failure:  # ignite's Accuracy raises for q = 1: the hint says why
        if not (extra_hint and failure.raised) or "NotImplementedError" in failure.raised:
            raise
        fail(f"{failure}\n{what}: {extra_hint}")
    hint = None
    if type(got) is torch.Tensor:
        if got.numel() != 1:
            fail(
                f"{what} should be one number, but it is a tensor of shape {tuple(got.shape)}:"
                " compare the predictions with the labels, then reduce to a single fraction."
            )
        if got.ndim:
            fail(
                f"{what} should be a Python float (or a 0-dim tensor), but it is a tensor of"
                f" shape {tuple(got.shape)}: .item() gives the float, or reduce without keepdim."
            )
        if got.is_complex() or got.dtype == torch.bool:
            fail(
                f"{what} should be a real number, the fraction of correct predictions (a Python"
                f" float), got a {got.dtype} tensor."
            )
        if got.dtype in (torch.float16, torch.bfloat16):
            hint = f"Your result is a {got.dtype} tensor, good to 3 digits: use a float."
        got = got.item()
    if type(got) not in (int, float):
        fail(f"{what} should be a Python float (the fraction of correct predictions), got"
             f" {short_repr(got)}.")  # fmt: skip
    n = len(y)
    if want * n >= 1 and abs(got - want * n) < 1e-6 and n > 1:
        fail(
            f"{what}: you returned {got}, the NUMBER of correct predictions; a fraction is asked."
            f" Divide by the number of examples ({n}) to get {want}."
        )
    if want > 0 and abs(got - 100 * want) < 1e-4:
        fail(
            f"{what}: you returned {got}, a PERCENTAGE (the fraction times 100, as top-k"
            f" accuracy helpers such as timm's report it); the fraction is asked: {want}. Divide"
            " the number of correct predictions by the number of examples, without * 100."
        )
    if type(got) is int and got != want:
        hint = (
            f"You returned the int {got}: an integer division (//) rounds the fraction down."
            " Divide with /, which gives a float."
        )
    elif type(got) is int:  # the right number, as 0 or 1: a branch that skips the division
        fail(
            f"{what}: you returned the int {got}; the docstring asks for the fraction as a"
            f" Python float ({float(got)}), on every input, also when all or none are right:"
            " return float(...) or divide with / in every branch."
        )
    expect_close(got, want, what, hint=hint or extra_hint, atol=1e-6, rtol=0)


@points(2, "accuracy")
def test_accuracy_is_a_fraction(student, reference):
    y_hat, y = _accuracy_inputs()
    _check_accuracy(student, y_hat, y, 0.75, "accuracy on 8 examples with 6 right")


@points(1, "accuracy")
def test_accuracy_on_random_scores(student, reference):
    for seed, (n, q) in [(20, (50, 10)), (21, (7, 4)), (22, (3, 5))]:
        y_hat = _logits(seed, (n, q))
        y = seeded_labels(seed + 100, n, q)
        want = reference.accuracy(y_hat, y)
        _check_accuracy(
            student, y_hat, y, want, f"accuracy on {n} random examples with {q} classes"
        )
    scores = _logits(23, (5, 3))
    _check_accuracy(
        student, scores, scores.argmax(dim=1), 1.0, "accuracy when every prediction is right"
    )
    # A fraction with no short decimal form: rounding it (to 2 or 4 places) is not the answer.
    scores = _logits(24, (3, 4))
    labels = scores.argmax(dim=1)
    labels[1:] = (labels[1:] + 1) % 4
    _check_accuracy(student, scores, labels, 1 / 3, "accuracy on 3 examples with 1 right")
    # One column (q = 1): argmax over dim=1 is class 0, the only label there is, so a score of
    # 0.9 is still right (a threshold at 0.5 says class 1).
    _check_accuracy(
        student, torch.tensor([[0.9]]), torch.tensor([0]), 1.0,
        "accuracy of one example with one column (q = 1), score 0.9 and label 0",
        extra_hint="With q = 1 column the predicted class of a row, its argmax over dim=1, is"
        " 0 whatever the score: the label is 0, so the accuracy is 1. Take argmax(dim=1) of the"
        " (n, q) scores as the docstring says, with no threshold and no special case for one"
        " column (a binary branch that accepts only scores of 0 and 1 refuses it).",
    )  # fmt: skip
    # q = 1 and n > 1, a score above 1 among them: d2l's accuracy (no argmax unless q > 1)
    # compares the (3, 1) scores cast to int with y of shape (3,), a (3, 3) table: 6 / 3 = 2.0.
    _check_accuracy(
        student, torch.tensor([[0.9], [1.4], [0.3]]), torch.tensor([0, 0, 0]), 1.0,
        "accuracy of 3 examples with one column (q = 1), scores [[0.9], [1.4], [0.3]], labels"
        " [0, 0, 0]",
        extra_hint="With q = 1 column every row's argmax over dim=1 is 0, the label of all 3:"
        " the accuracy is 1.0. Do not compare the scores themselves with y: an (n, 1) column"
        " (cast to int) against y of shape (n,) broadcasts to an (n, n) table of comparisons"
        " (d2l's accuracy does this when q = 1). Take y_hat.argmax(dim=1) for every q, then"
        " compare it with y.",
    )  # fmt: skip
    # Two classes, float64 scores (no q = 2 nor float64 batch was posed: a binary branch that
    # thresholds the second column at 0.5, right for probabilities only, kept every point).
    _check_accuracy(
        student,
        torch.tensor([[2.0, 1.0], [0.1, 0.3], [3.0, 0.7], [-1.0, -2.0]], dtype=torch.float64),
        torch.tensor([0, 1, 0, 1]), 0.75,
        "accuracy on 4 examples with two classes, float64 scores [[2, 1], [0.1, 0.3], [3, 0.7],"
        " [-1, -2]], 3 right",
        extra_hint="With two classes too, the predicted class is the column of the larger score,"
        " argmax(dim=1): scores are not probabilities, so a threshold at 0.5 on the second"
        " column (a binary special case) is not the argmax. Use argmax(dim=1) for every q.",
    )  # fmt: skip
    # n = 1 predicted wrong, and scores that are whole numbers (ranks, counts, votes): an answer
    # keyed on n == 1 or on whole-number scores kept every point (session 37).
    _check_accuracy(
        student, torch.tensor([[0.2, 0.7, 0.1]]), torch.tensor([0]), 0.0,
        "accuracy of one example, predicted wrong (scores [[0.2, 0.7, 0.1]], label 0)",
        extra_hint="A batch of one example (n = 1) is a batch like any other: the predicted"
        " class is argmax(dim=1) = 1, the label is 0, so the fraction right is 0.0.",
    )  # fmt: skip
    scores = torch.stack([torch.randperm(5, generator=generator(25 + i)) for i in range(6)])
    scores, labels = scores.float(), scores.argmax(dim=1)
    labels[::2] = (labels[::2] + 1) % 5  # 3 of 6 right
    _check_accuracy(
        student, scores, labels, 0.5,
        "accuracy on 6 examples whose scores are whole numbers (like 3.0), 3 right",
        extra_hint="Scores that are whole numbers are scores too: the predicted class is still"
        " the column of the largest, argmax(dim=1), whatever values the scores take.",
    )  # fmt: skip


@points(1, "accuracy")
def test_accuracy_leaves_inputs_alone(student, reference):
    y_hat, y = _accuracy_inputs()
    outcome = student.run("accuracy", y_hat.clone(), y.clone())
    expect_unchanged(y_hat, outcome.args[0], "y_hat")
    expect_unchanged(y, outcome.args[1], "y")
    # Leaving the inputs alone earns a point only with the answer (`return None` leaves them too).
    want, hint = reference.accuracy(y_hat, y), None
    with suppress(TypeError, ValueError, RuntimeError):
        if abs(float(outcome.value) - 100 * want) < 1e-4:
            hint = "That is a percentage (times 100): the fraction of correct predictions is asked."
        elif abs(float(outcome.value) - len(y) * want) < 1e-4 and want > 0:
            hint = (f"That is the NUMBER of correct predictions: divide by the number of examples"
                    f" ({len(y)}) for the fraction asked.")
    expect_close(outcome.value, want, "accuracy(y_hat, y)", hint=hint)


@points(2, "one_hot")
def test_one_hot_values(student, reference):
    for y, q in [
        (torch.tensor([2, 0, 1, 2]), 3),
        (torch.tensor([1, 3]), 6),
        (torch.tensor([0]), 1),
        (torch.tensor([11, 0, 4]), 12),  # more than 10 classes: still float32
    ]:
        _check_one_hot(student, reference, y, q)
    # By keyword too, with the name the docstring gives it.
    _check_one_hot(student, reference, torch.tensor([0, 2, 1]), 4, keyword=True)


def _check_one_hot(student, reference, y: torch.Tensor, q: int, keyword=False) -> None:
    what = f"one_hot({y.tolist()}, {'num_classes=' if keyword else ''}{q})"
    if keyword:  # the docstring names the parameter num_classes: callers may use that name
        try:
            got = student.one_hot(y.clone(), num_classes=q)
        except GradingFailure as failure:
            if "TypeError" not in failure.raised:
                raise
            fail(f"{failure}\nThe signature is one_hot(y, num_classes), so a caller may name"
                 f" the second argument: {what}, as with torch.nn.functional.one_hot. Keep the"
                 " parameter's name num_classes (not q, n_classes or k).")
    else:
        got = student.one_hot(y.clone(), q)
    if type(got) is torch.Tensor and got.shape == (len(y), int(y.max()) + 1) != (len(y), q):
        fail(f"{what} has {got.shape[1]} columns, y.max() + 1: it needs num_classes = {q}"
             " columns (a class may have no example in this batch).")
    got = _expect_float32(expect_shape(got, (len(y), q), what), what)
    expect_close(got, reference.one_hot(y, q), what, hint="Row i needs a 1 in column y[i] only.")


def _expect_float32(got, what: str):
    """one_hot's dtype is float32 whatever y's (int64): not the dtype of its input."""
    if type(got) is torch.Tensor and got.dtype != torch.float32:
        fail(
            f"{what}: expected dtype torch.float32, got {got.dtype}. One-hot rows are"
            " compared with probabilities, so build them as floats (e.g."
            " torch.zeros(n, q, dtype=torch.float32), or .float() on an integer result)."
            + (" float64 is NumPy's default (np.zeros, np.eye) and comes through"
               " torch.from_numpy: call .float() on the result." if got.dtype == torch.float64
               else "")
        )
    return got


@points(1, "one_hot")
def test_one_hot_leaves_labels_alone(student, reference):
    y = seeded_labels(30, 9, 4)
    outcome = student.run("one_hot", y.clone(), 4)
    expect_close(_expect_float32(outcome.value, "one_hot(y, 4)"), reference.one_hot(y, 4),
                 "one_hot(y, 4)")  # fmt: skip
    expect_unchanged(y, outcome.args[0], "y")


def _entropy_hint(got: torch.Tensor, want: torch.Tensor, p: torch.Tensor) -> str | None:
    q = p.shape[-1]
    if not torch.isfinite(got).all():
        return (
            "A probability of exactly 0 gives 0 * log(0) = 0 * -inf = nan. Use the convention"
            " 0 log 0 = 0, e.g. torch.where(p > 0, p * torch.log(p), 0) or torch.xlogy(p, p)."
        )
    if torch.allclose(got, want / math.log(2), rtol=1e-4, atol=1e-6) and want.abs().max() > 0:
        return "You measured in bits (log2); the natural logarithm (nats) is asked."
    if torch.allclose(got, -want, rtol=1e-4, atol=1e-6) and want.abs().max() > 0:
        return "Your entropies are negative: H = MINUS sum p log p."
    if torch.allclose(got * q, want, rtol=1e-4, atol=1e-6) and want.abs().max() > 0:
        return f"You averaged over the {q} classes (.mean): the entropy is the SUM over j."
    for eps in (1e-12, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3):  # -p log(p + eps)
        guarded = -(p.double() * torch.log(p.double() + eps)).sum(dim=-1)
        if not torch.allclose(got.double(), want.double(), rtol=1e-4, atol=1e-6) and (
                torch.allclose(got.double(), guarded, rtol=1e-5, atol=1e-7)):  # fmt: skip
            return (f"You added a small constant ({eps:.0e}) inside the log, p log(p + eps):"
                    " it moves every entropy a little. Keep log(p) exact and give the entries"
                    " where p = 0 the value 0 instead: torch.xlogy(p, p), or torch.where(p > 0,"
                    " p * torch.log(p), 0).")
    return None


def _check_entropy(student, reference, p: torch.Tensor, what: str, grad=False) -> None:
    want = reference.entropy(p)
    outcome = run_grad_or_numpy(student, "entropy", p.clone(), grad=grad)
    got = expect_tensor(outcome.value, what)
    if got.shape != want.shape and p.ndim > 1 and 1 in want.shape and tuple(got.shape) == tuple(
            n for n in want.shape if n != 1):  # fmt: skip
        fail(f"{what}: expected shape {tuple(want.shape)}, got {tuple(got.shape)}: a dimension"
             " of size 1 was dropped (a .squeeze() after a sum with keepdim=True?). The result"
             " has shape p.shape[:-1] for every p, a batch of one distribution too: sum over"
             " the last dimension without keepdim, and do not squeeze.")
    if got.shape != want.shape and p.ndim > 1:
        fail(f"{what}: expected shape {tuple(want.shape)}, got {tuple(got.shape)}. Each slice"
             " p[..., :] is one distribution with one entropy, so sum over the last dimension"
             " only (dim=-1): not dim=0, and not over every entry.")  # fmt: skip
    got = expect_shape(got, want.shape, what)
    expect_dtype(got, p.dtype, what)
    hint = _entropy_hint(got, want, p)
    if grad and hint is None:  # only the values are compared: a gradient at p = 0 is nan
        hint = ("Here p requires grad (a model's output does): the values must not change with"
                " it. Do not choose the formula by p.requires_grad; torch.xlogy(p, p) or"
                " torch.where(p > 0, p * torch.log(p), 0) gives 0 where p = 0 either way.")
    if hint is None and not torch.allclose(got, want, rtol=1e-4, atol=1e-6) and torch.allclose(
            got, torch.distributions.Categorical(logits=p).entropy(), rtol=1e-4, atol=1e-6):
        hint = ("This is the entropy of softmax(p): Categorical(logits=p) reads p as logits."
                " p holds probabilities already: Categorical(probs=p), or -sum p log p.")
    expect_close(got, want, what, hint=hint, **float32_tolerances(want, 1e-4, 1e-6))
    expect_unchanged(p, outcome.args[0], "p")  # p[p == 0] = 1 before the log changes it


@points(1, "entropy")
def test_entropy_of_one_distribution(student, reference):
    _check_entropy(
        student,
        reference,
        torch.full((4,), 0.25),
        "entropy of the uniform distribution on 4 classes",
    )
    _check_entropy(
        student,
        reference,
        torch.tensor([0.7, 0.2, 0.1], dtype=torch.float64),
        "entropy([0.7, 0.2, 0.1])",
    )


@points(2, "entropy")
def test_entropy_with_zero_probabilities(student, reference):
    p = torch.tensor([[0.5, 0.5, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0], [0.25, 0.25, 0.25, 0.25]])
    _check_entropy(student, reference, p, "entropy of distributions with zero entries")
    # The same p requiring grad: a plain p * log(p) there, xlogy elsewhere, kept every point.
    _check_entropy(student, reference, p, "entropy of distributions with zero entries, for a p"
                   " that requires grad", grad=True)  # fmt: skip


@points(1, "entropy")
def test_entropy_of_a_batch(student, reference):
    p = reference.softmax(_logits(40, (6, 5))).reshape(3, 2, 5)
    _check_entropy(student, reference, p, "entropy of a (3, 2, 5) batch over the last dimension")
    # A batch of one distribution keeps its batch dimension: shape (1,), not () (a squeezed
    # keepdim sum kept every point while no batch had a dimension of size 1, session 32).
    p = reference.softmax(_logits(41, (1, 6)))
    _check_entropy(student, reference, p, "entropy of a batch of one distribution, shape (1, 6)")


# -- hidden tests (instructor grading only: left out of the student edition) --------------------


@points(1, "softmax", hidden=True)
def test_hidden_softmax_other_logits(student, reference):
    from coursekit.grading import seeded_randn

    _check_softmax(student, reference, seeded_randn(9001, (5, 9), scale=3.0),
                   "softmax of (5, 9) logits")  # fmt: skip


@points(1, "cross_entropy", hidden=True)
def test_hidden_cross_entropy_other_batch(student, reference):
    y_hat = reference.softmax(_logits(9011, (8, 7), dtype=torch.float64))
    y = seeded_labels(9012, 8, 7)
    _check_cross_entropy(student, reference, y_hat, y, "cross_entropy on 8 float64 examples")


@points(1, "accuracy", hidden=True)
def test_hidden_accuracy_other_batch(student, reference):
    # Labels equal to the argmax on the first 25 rows, random after: a fraction far from 1/q.
    y_hat = _logits(9021, (40, 6))
    y = torch.cat([y_hat[:25].argmax(dim=1), seeded_labels(9022, 15, 6)])
    _check_accuracy(student, y_hat, y, reference.accuracy(y_hat, y),
                    "accuracy on 40 examples with 6 classes")  # fmt: skip


@points(1, "one_hot", hidden=True)
def test_hidden_one_hot_other_labels(student, reference):
    _check_one_hot(student, reference, seeded_labels(9031, 12, 7), 7)


@points(1, "entropy", hidden=True)
def test_hidden_entropy_float64_with_zeros(student, reference):
    # A zero in every row, and a row of 1 and 0s: the 0 log 0 = 0 convention on new inputs.
    p = reference.softmax(_logits(9041, (5, 6), dtype=torch.float64))
    p[:, 2] = 0.0
    p[3] = torch.tensor([0.0, 0.0, 0.0, 1.0, 0.0, 0.0], dtype=torch.float64)
    p = p / p.sum(dim=1, keepdim=True)
    _check_entropy(student, reference, p, "entropy of a float64 (5, 6) batch with zeros")
