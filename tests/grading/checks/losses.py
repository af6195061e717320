"""Grading tests for exercises/losses.py."""

import math

import torch

from coursekit.grading import (
    NO_GRAD,
    GradingFailure,
    all_close,
    expect_close,
    expect_dtype,
    expect_raises,
    expect_shape,
    expect_tensor,
    expect_unchanged,
    fail,
    float32_tolerances,
    generator,
    out_of_memory,
    points,
    seeded_labels,
    seeded_randn,
)


def _soft_labels(seed: int, n: int, q: int) -> torch.Tensor:
    """Rows of class probabilities that are not one-hot (soft labels)."""
    return torch.softmax(seeded_randn(seed, (n, q)), dim=1)


_DTYPE = {torch.float32: "float32", torch.float64: "float64"}
# Said where a check of one dtype fails after the other dtype's passed.
_BOTH_DTYPES = (" The same inputs in the other dtype passed: your code takes another path in"
                " this one (a branch on x.dtype?). Every answer must hold in float32 and float64"
                " alike: exp() overflows in float64 too (beyond 709.8), and log(0) is -inf in"
                " both.")  # fmt: skip


def _distributions(seed: int, shape, zeros: bool = False, dtype=torch.float64) -> torch.Tensor:
    p = torch.softmax(seeded_randn(seed, shape, scale=1.5, dtype=dtype), dim=-1)
    if zeros:  # knock out about a third of the entries, keeping one per slice, and renormalise
        g = generator(seed + 1000)
        keep = torch.rand(*shape, generator=g) > 0.35
        keep[..., 0] = True
        p = p * keep
        p = p / p.sum(dim=-1, keepdim=True)
    return p


def _is_close(a, b, rtol=1e-4, atol=1e-6) -> bool:
    """Whether ``a`` matches ``b``: float64 within the float64 defaults (float32 arithmetic on
    float64 inputs must not pass), others within ``rtol`` and ``atol``."""
    return (
        type(a) is torch.Tensor
        and a.shape == b.shape
        and bool(torch.isfinite(a).all())
        and all_close(a.to(b.dtype), b, **float32_tolerances(b, rtol, atol))
    )


def _expect_gradients(outcome, reference_fn, args, names, what, simplex=False):
    """The gradients of ``what``.sum() w.r.t. the floating ``args`` (``outcome`` ran with
    grad=True) must be the reference's: a loss that leaves autograd (.detach(), .item(),
    torch.tensor(...)) cannot train anything. ``simplex``: the args are distributions, and
    only the changes that keep each one summing to 1 count (torch.distributions' Categorical
    renormalises its probs, which adds a constant to each slice's gradient)."""
    leaves = [a.clone().requires_grad_(True) for a in args]
    want = torch.autograd.grad(reference_fn(*leaves).sum(), leaves)
    grads = outcome.grads or [None] * len(args)
    for got, expected, name in zip(grads, want, names, strict=True):
        if name is None:  # an argument whose gradient is not graded
            continue
        if got is None:
            fail(
                f"No gradient flows from {what} back to {name}: the value is right, but"
                " autograd cannot see how it was computed. Use torch operations on the tensors"
                " themselves (no .detach(), .item(), NumPy, or torch.tensor(...) of a result)."
                + NO_GRAD
            )
        if simplex and got.shape == expected.shape and torch.allclose(
                *(g - g.mean(dim=-1, keepdim=True) for g in (got, expected)), rtol=1e-4, atol=1e-6):
            continue
        expect_close(got, expected, f"the gradient of {what} w.r.t. {name}", rtol=1e-4, atol=1e-6)


def _expect_chain_rule(student, reference_fn, fn, args, name, what, seed, wrt=0, project=None,
                       **kwargs):  # fmt: skip
    """The gradient w.r.t. ``args[wrt]`` under an upstream gradient other than 1 (a loss scaled,
    or one term of a sum): a backward of one's own (an autograd.Function) that returns the
    local gradient without multiplying by ``grad_output`` is right under ``loss.backward()``
    alone, which every other check calls. ``project``: applied to both gradients before they
    are compared, for inputs where only some directions count (distributions' rows).
    ``kwargs``: passed to both functions (a reduction)."""
    value = reference_fn(*args, **kwargs)
    upstream = (-2.5 + 0.5 * seeded_randn(seed, value.shape)).to(value.dtype)  # never 1
    outcome = student.run(fn, *(a.clone() for a in args), grad=upstream, **kwargs)
    leaves = [a.clone().requires_grad_(i == wrt) for i, a in enumerate(args)]
    want = torch.autograd.grad((reference_fn(*leaves, **kwargs) * upstream).sum(),
                               leaves[wrt])[0]  # fmt: skip
    got = (outcome.grads or [None] * len(args))[wrt]
    if got is None:
        fail(f"No gradient flows from {what} back to {name}." + NO_GRAD)
    if project is not None and got.shape == want.shape and torch.allclose(
            project(got), project(want), rtol=1e-4, atol=1e-6):  # fmt: skip
        return
    scaled = (f"{what} * c w.r.t. {name}, for a number c != 1" if not value.ndim
              else f"({what} * w).sum() w.r.t. {name}, for random weights w")  # fmt: skip
    expect_close(got, want, f"the gradient of {scaled}",
                 hint="Scaling the loss by c must scale its gradient by c (the chain rule). A"
                 " torch.autograd.Function whose backward returns the loss's own gradient"
                 " without multiplying it by grad_output is right only when .backward() is"
                 " called on the loss itself: return grad_output * (your gradient).",
                 rtol=1e-4, atol=1e-6)  # fmt: skip


def _expect_finite_gradients(outcome, names, what, how):
    """Fail, teaching why, where a gradient of a ``grad=True`` outcome holds nan or inf: a loss
    whose value is finite at large inputs can still train nothing when autograd goes through a
    branch that overflowed (``how``: how to write it with one branch)."""
    for got, name in zip(outcome.grads or (), names, strict=False):
        if type(got) is torch.Tensor and got.is_floating_point() and not torch.isfinite(got).all():
            value = outcome.value
            if type(value) is torch.Tensor and not torch.isfinite(value).all():
                fail(  # the loss overflowed itself: no torch.where to blame
                    f"The gradient w.r.t. {name} of {what} holds nan or inf, and so does the"
                    " loss itself: a formula of this loss overflows (exp(1000.) is inf) or takes"
                    f" log(0) at such inputs. Write one that never overflows. {how}"
                )
            fail(
                f"The gradient w.r.t. {name} of {what} holds nan or inf"
                f" ({int((~torch.isfinite(got)).sum())} of its {got.numel()} entries),"
                " so one step of training turns the model's weights into nan. The usual cause"
                " is torch.where(cond, a, b) (or a mask) choosing between a stable and an"
                " overflowing formula: torch.where evaluates BOTH branches, and autograd goes"
                " back through both; where the unused one overflowed (exp(1000.) is inf), its"
                " zero gradient times inf is nan, which poisons the sum. Do not pick between"
                f" formulas: write one that never overflows, for every input. {how}"
            )


# What the module's docstring forbids: the losses of torch.nn and torch.nn.functional, every one
# of them, under every name torch gives them (smooth_l1_loss with beta=0 is l1_loss, twice
# huber_loss with a huge delta is mse_loss, soft_margin_loss is bce_with_logits for 0/1
# targets, torch._C._nn.cross_entropy_loss and torch.ops.aten.nll_loss_forward are the losses
# themselves), softmax (softmin(-x) is softmax(x)), and operators reached through torch.ops (one
# of their own, made with torch.library, runs its kernel out of the grader's sight). A test
# that passes still fails if they are used.
_TORCH_NAMES = {*dir(torch), *dir(torch._C._nn), *dir(torch.nn), *dir(torch.nn.functional),
                *dir(torch.special), *dir(torch.Tensor), *dir(torch.ops.aten)}  # fmt: skip
_LOSSES = ("Softmax2d", "ops", *sorted(n for n in _TORCH_NAMES if any(
    word in n.lower() for word in ("loss", "softmax", "softmin", "cross_entropy", "kl_div"))))
BY_HAND = dict.fromkeys(
    ("l1_loss", "mse_loss", "nll_loss", "cross_entropy_loss", "bce_with_logits", "kl_divergence"),
    _LOSSES,
)

# -- l1_loss and mse_loss -----------------------------------------------------------------------

_SHAPES = [(10,), (4, 3), (2, 3, 5), (5, 1)]  # (n, 1): a regression model's output column


def _check_regression_loss(student, reference, name, y_hat, y, reduction, what,
                           positional=False):  # fmt: skip
    kwargs = {} if reduction is None else {"reduction": reduction}
    if positional:  # the reduction as the third positional argument, as the signature allows
        try:
            outcome = student.run(name, y_hat.clone(), y.clone(), reduction)
        except GradingFailure as failure:
            if "TypeError" not in failure.raised:
                raise
            fail(f"{failure}\nThe signature is {name}(y_hat, y, reduction=\"mean\"), so a"
                 f" caller may give the reduction by position too: {name}(y_hat, y,"
                 f" {reduction!r}). Keep reduction the third ordinary parameter, right after y"
                 " (no * before it, nor **kwargs in its place).")
    else:
        outcome = student.run(name, y_hat.clone(), y.clone(), **kwargs)
    got = expect_tensor(outcome.value, what)
    # Before any call with grad=True: autograd refuses y_hat -= y on a leaf (a bare RuntimeError).
    expect_unchanged(y_hat, outcome.args[0], f"y_hat passed to {name}")
    expect_unchanged(y, outcome.args[1], f"y passed to {name}")
    want = getattr(reference, name)(y_hat, y, **kwargs)
    if y_hat.ndim == 0 and got.ndim > 0:
        fail(f"{what} has shape {tuple(got.shape)}: inputs of any shape include 0-dim ones (one"
             " number each), and then every reduction gives a 0-dim result ('none' keeps y_hat's"
             " shape (), 'mean' and 'sum' are 0-dim tensors). Compute on the tensors as they"
             " are: no .reshape(1), torch.atleast_1d or [None] on the inputs or the result.")
    if want.ndim == 0 and got.ndim > 0:
        fail(f"{what} should be one number (a 0-dim tensor), got shape {tuple(got.shape)}:"
             f" {reduction or 'mean'!r} reduces over ALL elements, so call .{reduction or 'mean'}()"
             " without a dim.")
    expect_shape(got, tuple(want.shape), what)
    expect_dtype(got, want.dtype, what)
    # What the hints compare with, computed before the verdict: none depends on the answer, and
    # the student edition can replay only the reference calls the reference's own run made.
    terms = getattr(reference, name)(y_hat, y, reduction="none")
    signed = reference._reduce(y_hat - y, reduction or "mean") if name == "l1_loss" else None
    absolute = reference.l1_loss(y_hat, y, reduction or "mean") if name == "mse_loss" else None
    if _is_close(got, want):
        return
    n = terms.numel()
    hint = None
    if name == "l1_loss" and _is_close(got, signed):
        hint = (
            "These are the signed differences y_hat - y: the L1 loss takes their absolute"
            " value |y_hat - y| (torch.abs), otherwise errors of opposite signs cancel."
        )
    elif want.ndim == 0 and _is_close(got, terms.sum()):
        hint = (
            f"You returned the SUM of the {n} terms where their MEAN is asked: divide by the"
            " number of elements (use .mean())."
        )
    elif want.ndim == 0 and _is_close(got, terms.mean()):
        hint = f"You returned the MEAN of the {n} terms where their SUM is asked."
    elif want.ndim == 0 and terms.ndim > 1 and _is_close(got, terms.sum() / len(terms)):
        hint = (
            f"You divided the sum by the number of rows, {len(terms)} (len(y)): 'mean' averages"
            f" over ALL {n} elements, so divide by y.numel() (or use .mean())."
        )
    elif _is_close(got, want / 2):
        # expect_close already says "Your values are 1/2 of the expected ones"
        hint = "PyTorch's MSE has no factor 1/2 (that was the course's squared_loss)."
    elif name == "mse_loss" and _is_close(got, absolute):
        hint = "You computed absolute errors: the MSE squares the differences."
    elif want.ndim == 0 and y_hat.ndim > 1 and y_hat.shape[-1] == 1:
        pairs = y_hat.squeeze(-1) - y  # (n,) - (n, 1): every pair, fast.ai's mse
        pairs = pairs.abs() if name == "l1_loss" else pairs**2
        if _is_close(got, pairs.sum() if reduction == "sum" else pairs.mean()):
            hint = (f"y_hat of shape {tuple(y_hat.shape)} lost its last dimension (fast.ai's"
                    " mse: output.squeeze(-1) - targ) while y kept it: a (n,) tensor minus a"
                    " (n, 1) one broadcasts to an (n, n) matrix of every pair. y_hat and y have"
                    " the same shape: subtract them as they are.")
    expect_close(got, want, what, hint=hint, **float32_tolerances(want, 1e-4, 1e-6))


def _regression_tests(name):
    def values(student, reference):
        for i, shape in enumerate(_SHAPES):
            y_hat, y = seeded_randn(10 + i, shape), seeded_randn(20 + i, shape)
            for reduction in ("none", "mean", "sum"):
                _check_regression_loss(
                    student, reference, name, y_hat, y, reduction,
                    f"{name}(y_hat, y, reduction={reduction!r}) on inputs of shape {shape}",
                )  # fmt: skip
        # "Any shape" includes 0-dim inputs: each reduction's shape is promised for them too.
        y_hat, y = seeded_randn(13, ()), seeded_randn(23, ())
        for reduction in ("none", "mean", "sum"):
            _check_regression_loss(student, reference, name, y_hat, y, reduction,
                                   f"{name}(y_hat, y, reduction={reduction!r}) on 0-dim inputs")
        # Whole-number targets (counts, ratings): an l1 'mean' keyed on them kept 6/6 (s. 37)
        y_hat, y = seeded_randn(14, (4, 3)), (3 * seeded_randn(24, (4, 3))).round()
        for reduction in ("none", "mean", "sum"):
            _check_regression_loss(student, reference, name, y_hat, y, reduction,
                                   f"{name}(y_hat, y, reduction={reduction!r}) on (4, 3) inputs"
                                   " whose targets are whole numbers")  # fmt: skip

    def default_and_dtype(student, reference):
        y_hat, y = seeded_randn(30, (6, 2)), seeded_randn(31, (6, 2))
        _check_regression_loss(
            student, reference, name, y_hat, y, None,
            f"{name}(y_hat, y) with the default reduction (it must be 'mean')",
        )  # fmt: skip
        y_hat = seeded_randn(32, (5,), dtype=torch.float64)
        y = seeded_randn(33, (5,), dtype=torch.float64)
        # Every reduction: a float32 detour in 'none' or 'mean' only kept every point (session 34).
        for reduction in ("none", "mean", "sum"):
            _check_regression_loss(student, reference, name, y_hat, y, reduction,
                                   f"{name}(y_hat, y, reduction={reduction!r}) on float64 inputs")
        _check_regression_loss(student, reference, name, y_hat, y, "sum",
                               f"{name}(y_hat, y, 'sum') on float64 inputs (the reduction given"
                               " by position)", positional=True)  # fmt: skip
        outcome = student.run(name, y_hat.clone(), y.clone(), grad=True)
        expect_unchanged(y_hat, outcome.args[0], "y_hat")
        expect_unchanged(y, outcome.args[1], "y")
        # The predictions' gradient (the targets are data: a backward of one's own may give
        # them none), on a vector and on a matrix: a by-hand backward that divides by
        # y_hat.shape[0] instead of the number of elements is right on vectors only.
        _expect_gradients(outcome, getattr(reference, name), (y_hat, y), ("y_hat", None),
                          f"{name}(y_hat, y)")  # fmt: skip
        y_hat, y = seeded_randn(36, (4, 3)), seeded_randn(37, (4, 3))
        outcome = student.run(name, y_hat.clone(), y.clone(), grad=True)
        _expect_gradients(outcome, getattr(reference, name), (y_hat, y), ("y_hat", None),
                          f"{name}(y_hat, y) on inputs of shape (4, 3)")  # fmt: skip
        _expect_chain_rule(student, getattr(reference, name), name, (y_hat, y), "y_hat",
                           f"{name}(y_hat, y) on inputs of shape (4, 3)", 38)  # fmt: skip
        # Each reduction's own: the others had no gradient check (a 'none' of one's own
        # autograd.Function, or computed on .detach()ed tensors, kept every point, session 33).
        for seed, reduction in ((39, "none"), (40, "sum")):
            _expect_chain_rule(student, getattr(reference, name), name, (y_hat, y), "y_hat",
                               f"{name}(y_hat, y, reduction={reduction!r}) on inputs of shape"
                               " (4, 3)", seed, reduction=reduction)  # fmt: skip

    def rejects(student, reference):
        y_hat, y = seeded_randn(34, (3,)), seeded_randn(35, (3,))
        # An answer for a valid reduction (a function that always raises fails).
        _check_regression_loss(student, reference, name, y_hat, y, "mean",
                               f"{name}(y_hat, y, reduction='mean')")  # fmt: skip
        # No normalising: those are not the names. Nor other libraries' names (KLDivLoss's
        # 'batchmean', old PyTorch's 'elementwise_mean'), nor '' read as "the default".
        for bad in ("avg", "Mean", " sum", "batchmean", "elementwise_mean", ""):
            expect_raises(
                student, "ValueError", name, y_hat, y, reduction=bad,
                why="Only 'none', 'mean' and 'sum' are valid: raise ValueError for any other"
                " string (an empty one, or a name other libraries use, too) rather than"
                " silently picking a reduction.",
            )  # fmt: skip

    return values, default_and_dtype, rejects


_l1 = _regression_tests("l1_loss")
_mse = _regression_tests("mse_loss")


@points(3, "l1_loss")
def test_l1_loss_reductions(student, reference):
    _l1[0](student, reference)


@points(1, "l1_loss")
def test_l1_loss_default_dtype_and_inputs(student, reference):
    _l1[1](student, reference)
    # Predictions exactly right (a fitted model, a constant target): |d| has a kink at 0 where
    # autograd takes 0, torch's L1Loss too; sqrt(d ** 2) has slope 0 * inf = nan there.
    y = seeded_randn(39, (2, 4))
    y_hat = torch.where(torch.arange(8).reshape(2, 4) % 3 == 0, y, y + seeded_randn(40, (2, 4)))
    outcome = student.run("l1_loss", y_hat.clone(), y.clone(), grad=True)
    got = (outcome.grads or [None])[0]
    if type(got) is torch.Tensor and got.is_floating_point() and not torch.isfinite(got).all():
        fail("The gradient of l1_loss(y_hat, y) w.r.t. y_hat holds nan or inf where y_hat == y"
             " (a prediction exactly right): |d| written as sqrt(d ** 2) (or d ** 2 ** 0.5) has"
             " slope d / sqrt(d ** 2) = 0 / 0 there. Use (y_hat - y).abs(): autograd takes 0 at"
             " its kink, as torch's L1Loss does.")  # fmt: skip
    _expect_gradients(outcome, reference.l1_loss, (y_hat, y), ("y_hat", None),
                      "l1_loss(y_hat, y) where some y_hat == y")  # fmt: skip


@points(1, "l1_loss")
def test_l1_loss_rejects_unknown_reduction(student, reference):
    _l1[2](student, reference)


@points(3, "mse_loss")
def test_mse_loss_reductions(student, reference):
    _mse[0](student, reference)


@points(1, "mse_loss")
def test_mse_loss_default_dtype_and_inputs(student, reference):
    _mse[1](student, reference)


@points(1, "mse_loss")
def test_mse_loss_rejects_unknown_reduction(student, reference):
    _mse[2](student, reference)


# -- nll_loss -------------------------------------------------------------------------------


_OVERFLOW = "The result is inf or nan: something overflowed (see the docstring's stability note)."


def _check_scalar_loss(got, want, what, hints=(), nonfinite=_OVERFLOW):
    """Compare a 0-dim loss; ``hints`` is a list of (wrong_value, message) to recognise;
    ``nonfinite`` explains an inf or nan result."""
    got = expect_tensor(got, what)
    if got.ndim != 0:
        fail(
            f"{what} should be one number (a 0-dim tensor), got shape {tuple(got.shape)}:"
            " average the per-example losses over the batch (.mean())."
        )
    expect_dtype(got, want.dtype, what)
    if _is_close(got, want):
        return
    hint = None
    if not torch.isfinite(got):
        hint = nonfinite
    for wrong, message in hints:
        if hint is None and _is_close(got, wrong):
            hint = message
    expect_close(got, want, what, hint=hint, **float32_tolerances(want, 1e-4, 1e-6))


def _nll_hints(log_probs, target, want):
    n = len(target)
    return [
        (-want, "Your loss is negative: it is MINUS the mean of the picked log-probabilities."),
        (want * n, f"You summed over the {n} examples: take the mean."),
        (
            -log_probs[:, target].mean(),
            "log_probs[:, target] pairs every row with every label:"
            " use log_probs[torch.arange(n), target].",
        ),
    ]


_NLL_NAN = (
    "The result is nan or inf: log_probs already holds LOG-probabilities (all <= 0), and the log"
    " of a negative number is nan. Take no log yourself: -log_probs[torch.arange(n), target]."
)


@points(2, "nll_loss")
def test_nll_loss_values(student, reference):
    for seed, (n, q), dtype in [(40, (6, 4), torch.float32), (41, (1, 3), torch.float32),
                                (42, (9, 10), torch.float32), (44, (5, 3), torch.float64)]:
        log_probs = torch.log_softmax(seeded_randn(seed, (n, q), 2.0, dtype), dim=1)
        target = seeded_labels(seed, n, q)
        want = reference.nll_loss(log_probs, target)
        got = student.nll_loss(log_probs.clone(), target.clone())
        _check_scalar_loss(
            got,
            want,
            f"nll_loss on {n} examples and {q} classes ({dtype})",
            _nll_hints(log_probs, target, want),
            _NLL_NAN,
        )
    # A confident model: log-probabilities of -100 and below, whose exp() is 0 in float32.
    log_probs = torch.log_softmax(seeded_randn(45, (6, 4), 100.0), dim=1)
    target = seeded_labels(45, 6, 4)
    want = reference.nll_loss(log_probs, target)
    _check_scalar_loss(student.nll_loss(log_probs.clone(), target.clone()), want,
                       "nll_loss on a confident model (log-probabilities down to"
                       f" {log_probs.min().item():.0f}, float32)",
                       _nll_hints(log_probs, target, want), _NLL_NAN)  # fmt: skip
    # 32,768 examples: an (n, n) matrix (4 GiB) is over the memory limit, so
    # -log_probs[:, target].diagonal().mean(), right on small batches, fails here.
    n = 32_768
    log_probs = torch.log_softmax(seeded_randn(43, (n, 10)), dim=1)
    target = seeded_labels(43, n, 10)
    try:  # unwatched: ONNX's reference loops over the examples, 50 times slower watched
        got = student.run("nll_loss", log_probs.clone(), target.clone(), watch=False).value
    except GradingFailure as exc:
        if out_of_memory(exc):
            fail(f"nll_loss on {n} examples ran out of memory: log_probs[:, target] is an (n, n)"
                 f" matrix of {n * n * 4 >> 30} GiB here, and the docstring asks not to build"
                 " one. Pick one entry per row: log_probs[torch.arange(n), target].")
        raise
    _check_scalar_loss(got, reference.nll_loss(log_probs, target), f"nll_loss on {n} examples")


@points(1, "nll_loss")
def test_nll_loss_gradient_and_inputs(student, reference):
    log_probs = torch.log_softmax(seeded_randn(43, (5, 4)), dim=1)
    target = seeded_labels(43, 5, 4)
    outcome = student.run("nll_loss", log_probs.clone(), target.clone(), grad=True)
    _check_scalar_loss(
        outcome.value,
        reference.nll_loss(log_probs, target),
        "nll_loss",
        _nll_hints(log_probs, target, reference.nll_loss(log_probs, target)),
        _NLL_NAN,
    )
    expect_unchanged(log_probs, outcome.args[0], "log_probs")
    expect_unchanged(target, outcome.args[1], "target")
    normal = log_probs.exp()  # see along_rows below: rows renormalised add a multiple of these

    def rows_projected(g):
        return g - (g * normal).sum(1, keepdim=True) / normal.square().sum(1, keepdim=True) * normal

    _expect_chain_rule(student, reference.nll_loss, "nll_loss", (log_probs, target),
                       "log_probs", "nll_loss(log_probs, target)", 44,
                       project=rows_projected)  # fmt: skip
    leaf = log_probs.clone().requires_grad_(True)
    reference.nll_loss(leaf, target).backward()
    if outcome.grads is None or outcome.grads[0] is None:
        fail("No gradient flows from nll_loss back to log_probs: use torch operations only."
             + NO_GRAD)
    got, normal = outcome.grads[0], log_probs.exp()  # rows renormalised (Categorical(logits=
    # log_probs) does) add a multiple of the probabilities to each row: off the valid inputs

    def along_rows(g):
        return g - (g * normal).sum(1, keepdim=True) / normal.square().sum(1, keepdim=True) * normal

    if got.shape == leaf.grad.shape and torch.allclose(along_rows(got), along_rows(leaf.grad),
                                                       rtol=1e-4, atol=1e-6):  # fmt: skip
        return
    expect_close(
        got,
        leaf.grad,
        "the gradient of nll_loss w.r.t. log_probs",
        hint="Only the true class of each row gets a gradient, -1/n.",
    )


# -- cross_entropy_loss ---------------------------------------------------------------------


def _ce_hints(logits, target, want):
    n = logits.shape[0]
    hints = [(-want, "Your loss is negative: the cross-entropy is MINUS the log-probabilities.")]
    hints.append((want * n, f"You summed over the {n} examples: take the mean."))
    column = torch.log_softmax(logits, dim=0)  # normalised over the examples instead
    p = target if target.dtype.is_floating_point else torch.eye(logits.shape[1])[target]
    hints.append((-(p.to(column.dtype) * column).sum(1).mean(),
                  "Your log-softmax normalises each COLUMN (over the examples, dim=0): take the"
                  " row maximum and the log-sum-exp over the classes, dim=1, keepdim=True."))
    narrow = _narrow_one_hot(logits, target)
    if narrow is not None:
        hints.append((narrow, _NARROW_ONE_HOT))
    if target.dtype.is_floating_point:
        q = logits.shape[1]
        hints.append(
            (
                want / q,
                f"You averaged over the {q} classes too: sum over the classes j, then take the"
                " mean over the examples only.",
            )
        )
        hard = reference_argmax_loss(logits, target)
        hints.append(
            (
                hard,
                "You treated the probability targets as hard labels (their argmax): with soft"
                " labels every class contributes, -sum_j p[i, j] * log_softmax(logits)[i, j].",
            )
        )
    return hints


_NARROW_ONE_HOT = (
    "F.one_hot(target) without num_classes has only target.max() + 1 columns: fewer than the q"
    " classes whenever the batch lacks the last class (a size error, or one column broadcast"
    " over all q). Pass the number of classes: F.one_hot(target, num_classes=logits.shape[1])."
)


def _narrow_one_hot(logits, target):
    """The loss of one_hot(target) without num_classes where it broadcasts (one column), else
    None (it has every column, or it raises a size error)."""
    if target.dtype.is_floating_point or int(target.max()) + 1 >= logits.shape[1]:
        return None
    narrow = torch.nn.functional.one_hot(target).to(logits.dtype)
    if narrow.shape[1] != 1:
        return None
    return -(narrow * torch.log_softmax(logits, dim=1)).sum(1).mean()


def reference_argmax_loss(logits, target):
    log_probs = torch.log_softmax(logits, dim=1)
    return -log_probs[torch.arange(len(target)), target.argmax(dim=1)].mean()


_KEEP_ROWS = (
    "logits.max(dim=1).values and .sum(dim=1) have shape (n,), which lines up with the q"
    " columns, not the n rows (a size error, or on a square batch the wrong values). Keep the"
    " reduced dimension, keepdim=True (shape (n, 1)), so that each row gets its own value."
)


def _levels_off(got, want):
    """A finite loss far below a large true one: a clamp or an eps inside the log caps it."""
    return (got.ndim == 0 and got.is_floating_point() and float(want) > 50
            and 0 <= float(got) < float(want) / 2)


_OWN_NLL = (
    "That is what your own nll_loss gives on log_softmax(logits): the log-softmax is right, and"
    " nll_loss is wrong on these inputs. Fix nll_loss first (its own tests say how)."
)


def _through_own_nll(student, logits, target, got) -> bool:
    """Whether the loss ``got`` is the student's own nll_loss of the true log-softmax (class
    indices only): a learner who builds one on the other should be sent to the one to fix."""
    if target.dtype.is_floating_point or not isinstance(got, torch.Tensor) or got.ndim:
        return False
    try:
        theirs = student.run("nll_loss", torch.log_softmax(logits, dim=1), target.clone()).value
    except GradingFailure:
        return False
    return (isinstance(theirs, torch.Tensor) and theirs.shape == got.shape
            and bool(torch.isclose(theirs.double(), got.double(), rtol=1e-5, atol=1e-7)))


def _check_ce(student, reference, logits, target, what, no_grad=False):
    want = reference.cross_entropy_loss(logits, target)
    try:
        outcome = student.run("cross_entropy_loss", logits.clone(), target.clone(),
                              no_grad=no_grad)  # fmt: skip
    except GradingFailure as failure:
        if target.dtype.is_floating_point and {"IndexError", "RuntimeError"} & {*failure.raised}:
            fail(f"{failure}\nThe target here is an (n, q) float tensor of class probabilities"
                 " (soft labels), not class indices: tell the two kinds apart by dtype"
                 " (target.is_floating_point()), and for probabilities every class counts,"
                 " -sum_j target[i, j] * log_softmax(logits)[i, j], averaged over the rows.")
        if "RuntimeError" not in failure.raised:
            raise
        narrow = not target.dtype.is_floating_point and int(target.max()) + 1 < logits.shape[1]
        fail(f"{failure}\n{_NARROW_ONE_HOT if narrow else ''} If the sizes do not match where"
             f" you subtract the row maximum or the log-sum-exp: {_KEEP_ROWS}")
    got = expect_tensor(outcome.value, what)
    if got.ndim == 0 and not torch.isfinite(got):
        fail(
            f"{what} is {float(got)}: exp() of a large logit overflows (exp(1000.) is inf), or"
            " log() of a probability that rounded to 0 is -inf. Compute the log-softmax with"
            " the log-sum-exp trick: shifted = logits - row max, then"
            " shifted - log(sum(exp(shifted))); never take log(softmax(...))."
            f" If you do subtract a maximum: {_KEEP_ROWS}"
        )
    if _levels_off(got, want):
        fail(
            f"{what} is {float(got):.4g}, expected {float(want):.4g}: your loss levels off for"
            " large logits while the true one grows with them. Clipping the probabilities (as"
            " Keras does, to [eps, 1 - eps]) or an eps inside log(softmax + eps) caps each term"
            " at -log(eps); a clamp of the logits caps the logits themselves. Work from the"
            " logits as they are: shifted = logits - row max, then"
            " shifted - log(sum(exp(shifted)))."
        )
    try:
        _check_scalar_loss(got, want, what, _ce_hints(logits, target, want))
    except GradingFailure as failure:
        if not _through_own_nll(student, logits, target, got):
            raise
        fail(f"{failure}\n{_OWN_NLL}")
    # On every path: an in-place change of a soft target under no_grad kept every point (s. 34).
    expect_unchanged(logits, outcome.args[0], "logits")
    expect_unchanged(target, outcome.args[1], "target")


@points(2, "cross_entropy_loss")
def test_cross_entropy_with_class_indices(student, reference):
    for seed, (n, q) in [(50, (6, 4)), (51, (1, 5)), (52, (16, 10))]:
        logits, target = seeded_randn(seed, (n, q), scale=2.0), seeded_labels(seed, n, q)
        _check_ce(
            student,
            reference,
            logits,
            target,
            f"cross_entropy_loss with {n} class indices and {q} classes",
        )
    logits = seeded_randn(53, (4, 3), dtype=torch.float64)
    _check_ce(student, reference, logits, seeded_labels(53, 4, 3), "cross_entropy_loss on float64")


@points(2, "cross_entropy_loss")
def test_cross_entropy_with_class_probabilities(student, reference):
    logits = seeded_randn(54, (5, 4), scale=2.0)
    one_hot = torch.nn.functional.one_hot(seeded_labels(54, 5, 4), 4).float()
    _check_ce(student, reference, logits, one_hot, "cross_entropy_loss with one-hot targets")
    for seed, (n, q) in [(55, (6, 4)), (56, (3, 7))]:
        logits, soft = seeded_randn(seed, (n, q), scale=2.0), _soft_labels(seed + 1, n, q)
        _check_ce(
            student,
            reference,
            logits,
            soft,
            f"cross_entropy_loss with soft (probability) targets of shape ({n}, {q})",
        )
    # Soft targets in float64 (with float64 logits) are probabilities too, not class indices.
    logits, soft = seeded_randn(57, (4, 5), dtype=torch.float64), _soft_labels(58, 4, 5).double()
    # Rows that sum to 1 in float64 too, as the docstring promises: float32 rows are 6e-8 off,
    # which failed an answer that uses the sum (lse - sum_j p_j x_j, session 34).
    soft = soft / soft.sum(dim=1, keepdim=True)
    float64 = " Tell the two kinds apart by target.is_floating_point() or target.ndim, not by"
    float64 += " comparing the dtype with torch.float32: float64 probabilities are soft targets."
    try:
        _check_ce(student, reference, logits, soft, "cross_entropy_loss on float64 logits with"
                  " float64 soft targets of shape (4, 5)")  # fmt: skip
    except GradingFailure as failure:
        fail(f"{failure}{float64}")


_UNDERFLOW = ("Logits all far below 0 underflow too: exp(-1000.) is 0, and log(0) is -inf."
              " Subtract each row's own maximum on every row and always (the largest term"
              " becomes exp(0) = 1), not only when some logit is large or positive.")


@points(2, "cross_entropy_loss")
def test_cross_entropy_is_stable_for_large_logits(student, reference):
    # In both dtypes: exp(1000.) is inf in float64 too (beyond 709.8), so a max shift left out
    # of one of them (float64 "has room") breaks it just the same.
    for dtype in (torch.float32, torch.float64):
        logits = torch.tensor([[1000.0, 0.0, -5.0], [-1000.0, -1001.0, -1002.0],
                               [50.0, 100.0, 1000.0]], dtype=dtype)  # fmt: skip
        what = f"cross_entropy_loss on {_DTYPE[dtype]} logits like 1000 and -1000"
        try:
            _check_ce(student, reference, logits, torch.tensor([1, 0, 2]), what)
            soft = torch.tensor([[0.5, 0.5, 0.0], [0.2, 0.3, 0.5], [0.0, 0.0, 1.0]], dtype=dtype)
            _check_ce(student, reference, logits, soft, what + " with probability targets")
        except GradingFailure as failure:
            fail(f"{failure}{_BOTH_DTYPES if dtype == torch.float64 else ''}")
    # Logits all far below 0 (none positive, none large): a max shift made only `if
    # logits.max() > 0` (or > 80), overflow seen as the only danger, kept every point (s. 38).
    low = torch.tensor([[-1000.0, -1001.0, -1002.0], [-1003.0, -1000.0, -1001.0]])
    try:
        _check_ce(student, reference, low, torch.tensor([1, 0]),
                  "cross_entropy_loss on logits all like -1000, none positive")  # fmt: skip
    except GradingFailure as failure:
        fail(f"{failure}\n{_UNDERFLOW}")
    # Under torch.no_grad() too, as a validation loop calls it: a formula chosen by the grad
    # mode (or by logits.requires_grad) kept every point (session 36).
    what = "cross_entropy_loss on logits like 1000 and -1000 under torch.no_grad()"
    try:
        _check_ce(student, reference, logits, torch.tensor([1, 0, 2]), what, no_grad=True)
    except GradingFailure as failure:
        fail(f"{failure}\nThe same logits passed with autograd on. torch.no_grad() only stops"
             " autograd from recording: the loss must not change with it (do not test"
             " torch.is_grad_enabled() or logits.requires_grad).")


@points(1, "cross_entropy_loss")
def test_cross_entropy_gradient_and_inputs(student, reference):
    logits, target = seeded_randn(57, (4, 5)), seeded_labels(57, 4, 5)
    outcome = student.run("cross_entropy_loss", logits.clone(), target.clone(), grad=True)
    expect_close(outcome.value, reference.cross_entropy_loss(logits, target),
                 "cross_entropy_loss(logits, target)", rtol=1e-4, atol=1e-6)  # fmt: skip
    expect_unchanged(logits, outcome.args[0], "logits")
    expect_unchanged(target, outcome.args[1], "target")
    leaf = logits.clone().requires_grad_(True)
    reference.cross_entropy_loss(leaf, target).backward()
    if outcome.grads is None or outcome.grads[0] is None:
        fail("No gradient flows from cross_entropy_loss back to the logits: use torch ops only."
             + NO_GRAD)
    expect_close(
        outcome.grads[0],
        leaf.grad,
        "the gradient of cross_entropy_loss w.r.t. logits",
        hint="It should be (softmax(logits) - one_hot(target)) / n.",
        rtol=1e-4,
        atol=1e-6,
    )
    # With probability targets too: the gradient must reach the logits on that path as well.
    soft = _soft_labels(59, 4, 5)
    outcome = student.run("cross_entropy_loss", logits.clone(), soft.clone(), grad=True)
    leaf = logits.clone().requires_grad_(True)
    reference.cross_entropy_loss(leaf, soft).backward()
    if outcome.grads is None or outcome.grads[0] is None:
        fail("No gradient flows from cross_entropy_loss back to the logits when the targets are"
             " probabilities: use torch ops only on that path too (no .detach())." + NO_GRAD)
    expect_close(outcome.grads[0], leaf.grad,
                 "the gradient of cross_entropy_loss w.r.t. logits, with probability targets",
                 hint="It should be (softmax(logits) - target) / n.", rtol=1e-4, atol=1e-6)
    for target in (seeded_labels(57, 4, 5), soft):
        _expect_chain_rule(student, reference.cross_entropy_loss, "cross_entropy_loss",
                           (logits, target), "logits", "cross_entropy_loss(logits, target)", 58)
    # Logits like 1000 and -1000 (the docstring's): the gradient must be finite there too, on
    # both paths (a torch.where on the soft-label path only kept every point, session 34).
    for dtype in (torch.float32, torch.float64):  # exp(1000.) is inf in float64 too
        big = torch.tensor([[1000.0, 0.0, -5.0], [-1000.0, -1001.0, -1002.0],
                            [50.0, 100.0, 1000.0]], dtype=dtype)  # fmt: skip
        soft = torch.tensor([[0.5, 0.5, 0.0], [0.2, 0.3, 0.5], [0.0, 0.0, 1.0]], dtype=dtype)
        for target, kind in ((torch.tensor([1, 0, 2]), ""), (soft, " with probability targets")):
            what = (f"cross_entropy_loss(logits, target) at {_DTYPE[dtype]} logits like 1000 and"
                    f" -1000{kind}")  # fmt: skip
            outcome = student.run("cross_entropy_loss", big.clone(), target.clone(), grad=True)
            if outcome.grads is None or outcome.grads[0] is None:
                fail(f"No gradient flows from {what} back to the logits: use torch ops only."
                     + NO_GRAD)  # fmt: skip
            both = _BOTH_DTYPES if dtype == torch.float64 else ""
            _expect_finite_gradients(
                outcome, ("logits",), what,
                "For the log-softmax that is the log-sum-exp form, logits - m -"
                " log(sum(exp(logits - m))) with m the row maximum (keepdim=True): every"
                " exponent is <= 0, for every input, on both paths (class indices and"
                " probabilities)." + both,
            )  # fmt: skip
            leaf = big.clone().requires_grad_(True)
            reference.cross_entropy_loss(leaf, target).backward()
            expect_close(outcome.grads[0], leaf.grad, f"the gradient of {what} w.r.t. logits",
                         hint="It should be (softmax(logits) - p) / n, p the one-hot row of"
                         " the class or the target's row of probabilities." + both,
                         rtol=1e-4, atol=1e-6)  # fmt: skip


# -- bce_with_logits ------------------------------------------------------------------------


def _bce_hints(logits, target, want):
    x, t = logits, target
    positive, xt = x.clamp(min=0), x * t
    softplus = positive + torch.log1p(torch.exp(-x.abs()))  # -log(1 - sigmoid(x)), stably
    rows = len(logits) if logits.ndim else 1  # a 0-dim logit has no len()
    return [
        (-want, "Your loss is negative: BCE is MINUS the log-likelihood."),
        (want * logits.numel(), "You summed over the elements: take the mean."),
        (want * logits.numel() / rows if logits.ndim > 1 else -want,
         f"You divided the sum by the number of rows, {rows}: the mean is over ALL"
         f" {logits.numel()} elements, so use .mean() (or divide by logits.numel())."),
        ((positive + xt + torch.log1p(torch.exp(-x.abs()))).mean(),
         "The middle term has the wrong sign: max(x, 0) MINUS x * t + log1p(exp(-|x|))."),
        ((positive - xt + torch.log1p(torch.exp(-x))).mean(),
         "The last term is log1p(exp(-|x|)), with the absolute value: log1p(exp(-x)) is"
         " right only where x >= 0."),
        # fastai's -torch.where(t == 1, s, 1 - s).log(), or the target rounded to 0 or 1.
        *((torch.where(picks, softplus - x, softplus).mean(), _HARD_TARGETS)
          for picks in (t == 1, t > 0.5)),
    ]


_HARD_TARGETS = (
    "You pick one term per entry as if each target were 0 or 1 (torch.where(target == 1,"
    " sigmoid(x), 1 - sigmoid(x)), or a rounded target): right for 0/1 labels only. The"
    " docstring allows any t in [0, 1], weighting both terms, -[t log(s) + (1 - t) log(1 - s)]:"
    " the stable max(x, 0) - x * t + log1p(exp(-|x|)) does so as it is."
)


def _check_bce(student, reference, logits, target, what):
    want = reference.bce_with_logits(logits, target)
    got = expect_tensor(student.bce_with_logits(logits.clone(), target.clone()), what)
    if logits.ndim == 0 and got.ndim > 0:
        fail(f"{what} has shape {tuple(got.shape)}: logits of any shape include a 0-dim one (a"
             " single logit), and the mean over its one element is still a 0-dim tensor. Compute"
             " on the tensors as they are (no reshape to rows, no .reshape(1)) and take .mean().")
    if got.ndim == 0 and not torch.isfinite(got):
        fail(
            f"{what} is {float(got)}: sigmoid(x) rounds to exactly 1 (or 0) for large |x|, so"
            " log(1 - sigmoid(x)) is log(0) = -inf. Use the stable form"
            " max(x, 0) - x * t + log1p(exp(-|x|)), which never exponentiates a positive number."
        )
    hints = _bce_hints(logits, target, want)
    clamped = torch.nn.functional.binary_cross_entropy(torch.sigmoid(logits), target)
    hints.append(
        (
            clamped,
            "This is what Sigmoid + BCELoss gives: it clamps log at -100, which"
            " is wrong for large logits. Work from the logits with the stable form.",
        )
    )
    if _levels_off(got, want) and not _is_close(got, clamped):
        fail(
            f"{what} is {float(got):.4g}, expected {float(want):.4g}: your loss levels off for"
            " large |x| while the true one grows like |x|. An eps inside log(sigmoid(x) + eps)"
            " (or a clamp of the probability) caps each term at -log(eps), and a clamp of the"
            " logits caps x itself. Use the stable form max(x, 0) - x * t + log1p(exp(-|x|)),"
            " on the logits as they are, instead of log(sigmoid(x))."
        )
    _check_scalar_loss(got, want, what, hints)


@points(1, "bce_with_logits")
def test_bce_with_logits_course_example(student, reference):
    logits, target = torch.tensor([-0.7001, -0.7231, -0.2049]), torch.tensor([0.0, 0.0, 1.0])
    _check_bce(
        student,
        reference,
        logits,
        target,
        "bce_with_logits([-0.7001, -0.7231, -0.2049],"
        " [0, 0, 1]) (the course's example, about 0.5332)",
    )


@points(2, "bce_with_logits")
def test_bce_with_logits_values(student, reference):
    for seed, shape in [(60, (8,)), (61, (4, 3)), (62, (2, 2, 5))]:
        logits = seeded_randn(seed, shape, scale=3.0)
        target = (seeded_randn(seed + 1, shape) > 0).float()
        _check_bce(student, reference, logits, target, f"bce_with_logits on shape {shape}")
    # "Any shape" includes a single logit (0-dim): the loss is still a 0-dim tensor.
    logits, target = seeded_randn(64, (), scale=3.0), torch.tensor(1.0)
    _check_bce(student, reference, logits, target, "bce_with_logits on a 0-dim logit and target")
    logits = seeded_randn(63, (6,), dtype=torch.float64)
    target = torch.rand(6, generator=generator(63), dtype=torch.float64)
    _check_bce(
        student, reference, logits, target, "bce_with_logits with targets in (0, 1), float64"
    )
    outcome = student.run("bce_with_logits", logits.clone(), target.clone())
    expect_unchanged(logits, outcome.args[0], "logits")
    expect_unchanged(target, outcome.args[1], "target")
    outcome = student.run("bce_with_logits", logits.clone(), target.clone(), grad=True)
    # The logits' gradient only, as the docstring says: the target is data, and a backward of
    # its own (Chainer's sigmoid_cross_entropy, an autograd.Function) may return None for it.
    _expect_gradients(outcome, reference.bce_with_logits, (logits, target), ("logits", None),
                      "bce_with_logits(logits, target)")  # fmt: skip
    _expect_chain_rule(student, reference.bce_with_logits, "bce_with_logits", (logits, target),
                       "logits", "bce_with_logits(logits, target)", 64)  # fmt: skip
    # Logits like 1000 and -1000 (the docstring's): the gradient must be finite there too.
    logits = torch.tensor([1000.0, -1000.0, 100.0, -100.0, 40.0, -40.0])
    target = torch.tensor([0.0, 1.0, 1.0, 0.0, 1.0, 0.0])
    what = "bce_with_logits(logits, target) at logits like 1000 and -1000"
    outcome = student.run("bce_with_logits", logits.clone(), target.clone(), grad=True)
    _expect_finite_gradients(
        outcome, ("logits", "target"), what,
        "For BCE that is max(x, 0) - x * t + log1p(exp(-|x|)): exp(-|x|) is at most 1 for"
        " every x.",
    )  # fmt: skip
    _expect_gradients(outcome, reference.bce_with_logits, (logits, target), ("logits", None),
                      what)  # fmt: skip


@points(1, "bce_with_logits")
def test_bce_with_logits_gradient_at_zero_logits(student, reference):
    # Every logit of a model started from zero weights is exactly 0, where the loss is smooth
    # but max(x, 0) and |x| have kinks: autograd's one-sided slopes there must still add up to
    # the loss's own, sigmoid(0) - t.
    logits = torch.tensor([0.0, 0.0, 0.0, -0.0, 1.5, -2.0])
    target = torch.tensor([0.0, 1.0, 0.25, 1.0, 1.0, 0.0])
    what = "bce_with_logits(logits, target) at logits of exactly 0"
    _check_bce(student, reference, logits, target, f"{what}, {logits.tolist()}")
    outcome = student.run("bce_with_logits", logits.clone(), target.clone(), grad=True)
    got = (outcome.grads or [None])[0]
    n, zero = logits.numel(), logits == 0
    if type(got) is torch.Tensor and got.shape == logits.shape and got.is_floating_point():
        want = (0.5 - target[zero]) / n
        if not torch.allclose(got[zero].double(), want.double(), atol=1e-6):
            slopes = [round(float(g) * n, 4) for g in got[zero]]
            fail(f"The gradient of {what} w.r.t. the logits, times n = {n}, is {slopes} at"
                 f" targets {target[zero].tolist()}, where it should be sigmoid(0) - t ="
                 f" {[0.5 - float(t) for t in target[zero]]}. The loss is smooth at 0, but"
                 " autograd differentiates the formula as written: max(x, 0) (clamp, relu)"
                 " and |x| each have a kink at 0 where it takes one side's slope, chosen"
                 " separately (clamp's 0 and abs's 0 give -t). Choose both with one"
                 " condition, as TensorFlow does: pos = x >= 0, torch.where(pos, x, 0) for"
                 " max(x, 0) and torch.where(pos, -x, x) for -|x|.")  # fmt: skip
    _expect_gradients(outcome, reference.bce_with_logits, (logits, target), ("logits", None),
                      what)  # fmt: skip


@points(2, "bce_with_logits")
def test_bce_with_logits_is_stable_for_large_logits(student, reference):
    # In both dtypes: sigmoid(40.) is exactly 1 in float64 too, and exp(1000.) is inf there.
    for dtype in (torch.float32, torch.float64):
        logits = torch.tensor([1000.0, -1000.0, 100.0, -100.0, 40.0, -40.0], dtype=dtype)
        try:
            _check_bce(
                student,
                reference,
                logits,
                torch.tensor([0.0, 1.0, 1.0, 0.0, 0.0, 1.0], dtype=dtype),
                f"bce_with_logits on {_DTYPE[dtype]} logits like 1000 and -1000 with wrong"
                " labels (loss ~ |x|)",
            )
            _check_bce(
                student,
                reference,
                logits,
                torch.tensor([1.0, 0.0, 1.0, 0.0, 1.0, 0.0], dtype=dtype),
                f"bce_with_logits on large {_DTYPE[dtype]} logits with the right labels"
                " (loss ~ 0)",
            )
        except GradingFailure as failure:
            fail(f"{failure}{_BOTH_DTYPES if dtype == torch.float64 else ''}")


# -- kl_divergence --------------------------------------------------------------------------


def _check_kl(student, reference, p, q, what):
    want = reference.kl_divergence(p, q)
    got = expect_tensor(student.kl_divergence(p.clone(), q.clone()), what)
    if want.ndim and got.shape != want.shape:
        fail(
            f"{what} has shape {tuple(got.shape)}, not p.shape[:-1] = {tuple(want.shape)}: one"
            " divergence per distribution. Sum over the last dimension only (dim=-1), and keep"
            " the leading dimensions, which index the distributions (no sum or mean over them)."
        )
    got = expect_shape(got, tuple(want.shape), what)
    expect_dtype(got, want.dtype, what)
    # For a hint, before the verdict: the edition replays only calls the reference run made.
    swapped = reference.kl_divergence(q, p)
    if _is_close(got, want):
        return
    hint = None
    if not torch.isfinite(got).all():
        hint = (
            "nan or inf where p has a zero: 0 * log(0 / q) is 0 * -inf = nan in floating point."
            " Use the convention 0 log 0 = 0, e.g. torch.xlogy(p, p) - torch.xlogy(p, q)."
        )
    elif _is_close(got, swapped):
        hint = (
            "You computed KL(q || p): the arguments are swapped. KL(p || q) weights by p:"
            " sum p * log(p / q). The divergence is not symmetric."
        )
    elif _is_close(got, -want):
        hint = "Your values have the wrong sign: KL(p || q) = sum p log(p / q) >= 0."
    elif _is_close(got, want / math.log(2)):
        hint = "You measured in bits (log2); the natural logarithm (nats) is asked."
    elif _is_close(got, want / p.shape[-1]):
        hint = "You averaged over the last dimension: KL(p || q) is the sum over j."
    else:
        hint = _kl_eps_hint(got, p, q)
    expect_close(got, want, what, hint=hint, **float32_tolerances(want, 1e-4, 1e-8))


def _kl_eps_hint(got, p, q):
    """A small constant that keeps the logs finite: p log(p + eps) - p log(q + eps), as outside
    code often writes it (kb-pilot's KLDivergence, 1e-8), or a clamp at eps (Keras' kl_divergence
    clamps the weight p too, which gives the zeros of p a term of their own)."""
    for eps in (1e-12, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3):
        forms = (("added a small constant ({:.0e}) inside the logs, log(p + eps)", p, p + eps,
                  q + eps),
                 ("clamped p and q at a small constant ({:.0e})", p, p.clamp(min=eps),
                  q.clamp(min=eps)),
                 ("clamped p and q at a small constant ({:.0e})", p.clamp(min=eps),
                  p.clamp(min=eps), q.clamp(min=eps)))  # fmt: skip
        for how, w, a, b in forms:
            if _is_close(got, (w * (torch.log(a) - torch.log(b))).sum(dim=-1)):
                return (f"You {how.format(eps)}: it shifts every term. q > 0, so log(q) is"
                        " finite as it is; give the entries where p = 0 the value 0 instead:"
                        " torch.xlogy(p, p) - torch.xlogy(p, q).")
    return None


@points(2, "kl_divergence")
def test_kl_divergence_values(student, reference):
    for seed, shape in [(70, (5,)), (71, (4, 6)), (72, (2, 3, 4))]:
        p, q = _distributions(seed, shape), _distributions(seed + 50, shape)
        _check_kl(
            student, reference, p, q, f"kl_divergence(p, q) for distributions of shape {shape}"
        )
    p = _distributions(73, (3, 4), dtype=torch.float32)
    _check_kl(
        student,
        reference,
        p,
        _distributions(74, (3, 4), dtype=torch.float32),
        "kl_divergence on float32 inputs",
    )
    # q may be as small as it likes (> 0): an eps or clamp on q (1e-8) changes the answer.
    p, q = torch.tensor([[0.5, 0.5]], dtype=torch.float64), torch.tensor([[1 - 1e-12, 1e-12]],
                                                                           dtype=torch.float64)
    _check_kl(student, reference, p, q, "kl_divergence([[0.5, 0.5]], [[1 - 1e-12, 1e-12]])")
    p, q = _distributions(78, (3, 4)), _distributions(79, (3, 4))
    outcome = student.run("kl_divergence", p.clone(), q.clone(), grad=True)
    _expect_gradients(outcome, reference.kl_divergence, (p, q), (None, "q"), "kl_divergence(p, q)",
                      simplex=True)


@points(1, "kl_divergence")
def test_kl_divergence_gradient_where_p_is_zero(student, reference):
    # q is what training moves (a model's prediction; p, the target, is often one-hot): its
    # gradient -p_j / q_j is 0 where p_j = 0, and one nan there turns every weight into nan at
    # the next step.
    # In both dtypes: an answer that is safe in one of them only is not safe.
    for dtype in (torch.float64, torch.float32):
        p = _distributions(80, (4, 5), zeros=True, dtype=dtype)
        q = _distributions(81, (4, 5), dtype=dtype)
        what = f"kl_divergence(p, q) of {_DTYPE[dtype]} p and q where some p_j are exactly 0"
        both = _BOTH_DTYPES if dtype == torch.float32 else ""
        try:
            _check_kl(student, reference, p, q, what)
        except GradingFailure as failure:
            fail(f"{failure}{both}")
        outcome = student.run("kl_divergence", p.clone(), q.clone(), grad=True)
        # its value too: a p * log(p) left nan where p requires grad kept 7/7 (session 37)
        value = expect_shape(expect_tensor(outcome.value, what), p.shape[:-1], what)
        expect_close(value, reference.kl_divergence(p, q), f"{what}, p and q requiring grad",
                     hint="The values must not change when p and q require grad (a model's"
                     " outputs do): give the terms where p_j = 0 the value 0 on every path"
                     " (torch.xlogy, or torch.where(p > 0, ..., 0)).")  # fmt: skip
        got = (outcome.grads or [None, None])[1]
        if type(got) is torch.Tensor and got.shape == q.shape and got.is_floating_point():
            bad = int((~torch.isfinite(got[p == 0])).sum())
            if bad:
                fail(f"The gradient of {what} w.r.t. q is nan or inf at {bad} of the"
                     f" {int((p == 0).sum())} entries where p_j = 0, where it is -p_j / q_j = 0:"
                     " the first training step would turn the model's weights into nan. Where"
                     " p_j = 0, log(p_j / q_j) has an infinite slope (the ratio is 0), and"
                     " autograd multiplies it by 0: nan. torch.where, nan_to_num and nansum hide"
                     " the nan of the value, not of the gradient (autograd goes through the"
                     " branch not taken too). Write log(p / q) as log(p) - log(q), whose q part"
                     " has a finite slope, or use torch.xlogy(p, p) - torch.xlogy(p, q)."
                     + both)  # fmt: skip
        # (The gradient w.r.t. p is -inf where p_j = 0: not graded.)
        _expect_gradients(outcome, reference.kl_divergence, (p, q), (None, "q"), what,
                          simplex=True)  # fmt: skip
    _expect_chain_rule(student, reference.kl_divergence, "kl_divergence", (p, q), "q",
                       "kl_divergence(p, q)", 82, wrt=1,
                       project=lambda g: g - g.mean(dim=-1, keepdim=True))  # fmt: skip


@points(1, "kl_divergence")
def test_kl_divergence_is_zero_for_equal_distributions(student, reference):
    p = _distributions(75, (3, 5))
    got = expect_shape(student.kl_divergence(p.clone(), p.clone()), (3,), "kl_divergence(p, p)")
    expect_close(
        got,
        torch.zeros(3, dtype=p.dtype),
        "kl_divergence(p, p)",
        rtol=0,
        atol=1e-10,
        hint="A distribution has no divergence from itself: log(p / p) = 0."
        + (" Yours is slightly off 0: an eps added inside the log (or to p or q) shifts every"
           " term. Handle p = 0 with torch.xlogy or torch.where instead of an eps."
           if bool((got.abs() < 1e-4).all()) else ""),
    )


@points(2, "kl_divergence")
def test_kl_divergence_with_zero_probabilities(student, reference):
    p, q = _distributions(76, (6, 5), zeros=True), _distributions(77, (6, 5))
    _check_kl(student, reference, p, q, "kl_divergence(p, q) where some p_j are exactly 0")
    outcome = student.run("kl_divergence", p.clone(), q.clone())
    expect_unchanged(p, outcome.args[0], "p")
    expect_unchanged(q, outcome.args[1], "q")


# -- hidden tests (instructor grading only: left out of the student edition) --------------------


@points(1, "l1_loss", hidden=True)
def test_hidden_l1_loss_3d_inputs(student, reference):
    y_hat, y = seeded_randn(9003, (3, 4, 2), scale=2.0), seeded_randn(9004, (3, 4, 2))
    for reduction in ("none", "mean", "sum"):
        what = f"l1_loss of (3, 4, 2) tensors, reduction={reduction!r}"
        _check_regression_loss(student, reference, "l1_loss", y_hat, y, reduction, what)


@points(1, "mse_loss", hidden=True)
def test_hidden_mse_loss_other_inputs(student, reference):
    # The public tests' checks and tolerances (and reduction passed by keyword, as they pass it).
    y_hat, y = seeded_randn(9001, (6, 2)), seeded_randn(9002, (6, 2))
    for reduction in ("mean", "sum"):
        what = f"mse_loss of (6, 2) tensors, reduction={reduction!r}"
        _check_regression_loss(student, reference, "mse_loss", y_hat, y, reduction, what)


@points(1, "nll_loss", hidden=True)
def test_hidden_nll_loss_7_examples_6_classes(student, reference):
    log_probs = torch.log_softmax(seeded_randn(9005, (7, 6), scale=2.0), dim=1)
    target = seeded_labels(9005, 7, 6)
    want = reference.nll_loss(log_probs, target)
    _check_scalar_loss(student.nll_loss(log_probs.clone(), target.clone()), want,
                       "nll_loss on 7 examples and 6 classes",
                       _nll_hints(log_probs, target, want), _NLL_NAN)  # fmt: skip


@points(1, "cross_entropy_loss", hidden=True)
def test_hidden_cross_entropy_loss_8_examples_6_classes(student, reference):
    # Both target kinds the public tests use, on a shape none of them uses; logits of a few
    # units, then of hundreds (a table of the public large-logit answers has none of these).
    for scale in (3.0, 300.0):
        logits = seeded_randn(9006, (8, 6), scale=scale)
        for target, kind in ((seeded_labels(9007, 8, 6), "class indices"),
                             (_soft_labels(9008, 8, 6), "soft targets")):  # fmt: skip
            _check_ce(student, reference, logits, target,
                      f"cross_entropy_loss, (8, 6), logits of scale {scale:g}, {kind}")


@points(1, "bce_with_logits", hidden=True)
def test_hidden_bce_with_logits_3_by_7(student, reference):
    target = (seeded_randn(9010, (3, 7)) > 0).float()
    for scale in (3.0, 300.0):  # logits of a few units, then of hundreds
        logits = seeded_randn(9009, (3, 7), scale=scale)
        _check_bce(student, reference, logits, target,
                   f"bce_with_logits on shape (3, 7), logits of scale {scale:g}")


@points(1, "kl_divergence", hidden=True)
def test_hidden_kl_divergence_with_zeros_4_by_7(student, reference):
    p, q = _distributions(9011, (4, 7), zeros=True), _distributions(9012, (4, 7))
    _check_kl(student, reference, p, q, "kl_divergence of (4, 7) distributions, some p_j = 0")
