"""Grading tests for exercises/overfitting.py (run through coursekit.grading).

Each test calls the student's function in the isolated worker and checks the result here.
dropout_layer is random, so its tests are statistical: they draw 200,000 entries with a fixed
seed (``student.run(..., seed=k)``) and allow 0.01 around the expected fraction of dropped
entries, which is about 10 standard deviations of the sampling error (sqrt(p (1 - p) / n)
<= 0.0012), so a correct answer never fails and a wrong rate (e.g. 0.7 for 0.3) always does.
"""

import math
from contextlib import suppress

import torch

from coursekit.grading import (
    NO_GRAD,
    GradingFailure,
    expect_close,
    expect_dtype,
    expect_raises,
    expect_shape,
    expect_tensor,
    expect_unchanged,
    fail,
    float32_tolerances,
    generator,
    points,
    run_grad_or_numpy,
    seeded_randn,
    short_repr,
)

# -- l2_penalty -------------------------------------------------------------------------------

_L2_SHAPES = [(5,), (3, 4), (2, 3, 4)]


def _weights(seed, shape, dtype=torch.float32):
    return torch.randn(shape, generator=generator(seed), dtype=dtype)


_ENTRYWISE = (
    "w may have any shape, here a matrix: torch.dot(w, w) and w @ w are meant for vectors, and"
    " a matrix product sums products of different entries. Square every entry and sum them"
    " all: (w ** 2).sum() / 2."
)


def _run_l2(student, w, grad=False):
    try:
        return student.run("l2_penalty", w, grad=grad)
    except GradingFailure as failure:
        if "RuntimeError" not in failure.raised or w.ndim < 2:
            raise
        fail(f"{failure}\n{_ENTRYWISE}")


@points(2, "l2_penalty")
def test_l2_penalty_values(student, reference):
    cases = [(_weights(i, s), s) for i, s in enumerate(_L2_SHAPES)]
    cases.append((_weights(7, (10,), torch.float64), (10,)))
    cases.append((_weights(8, ()), ()))  # "any shape" includes a lone weight (0-dim)
    # weights far from N(0, 1)'s (an answer keyed on |w| > 30 kept every point, session 37)
    cases.append((_weights(9, (6,)) * 100, (6,)))
    for w, shape in cases:
        what = f"l2_penalty(w) for w of shape {shape}"
        outcome = _run_l2(student, w)
        got = expect_tensor(outcome.value, what)
        expect_unchanged(w, outcome.args[0], "w")
        if w.ndim == 0 and got.shape != ():
            fail(f"{what} has shape {tuple(got.shape)}: the penalty is a 0-dim tensor whatever"
                 " w's shape, a 0-dim w (one weight) too. Compute on w as it is, (w ** 2).sum()"
                 " / 2, with no reshape, and sum with no dim.")
        expect_shape(got, (), what + " (a scalar)")
        expect_dtype(got, w.dtype, what)
        want = reference.l2_penalty(w)
        if torch.allclose(got, 2 * want):
            fail(f"{what} is twice the expected value: did you forget the 1/2? The penalty is "
                 "||w||^2 / 2, so that its gradient is exactly w.")  # fmt: skip
        if w.numel() > 1 and torch.allclose(got, (w**2).mean() / 2):  # one entry: mean = sum
            fail(f"{what} averages the squares: sum them instead (the penalty must not depend "
                 "on how many entries w has).")  # fmt: skip
        if torch.allclose(got, torch.linalg.vector_norm(w) / 2):
            fail(f"{what} uses the norm ||w||, not its square ||w||^2.")
        if w.ndim == 2 and torch.allclose(got, torch.linalg.matrix_norm(w, ord=2) ** 2 / 2):
            fail(f"{what} uses the matrix 2-norm: torch.linalg.norm(w, ord=2) of a matrix is its"
                 " largest singular value, not the root of the sum of its squared entries."
                 " Use (w ** 2).sum() / 2 (or torch.linalg.vector_norm(w) ** 2 / 2).")  # fmt: skip
        if w.ndim == 2 and any(torch.allclose(got, (a @ b).sum() / 2) for a, b in
                               ((w, w.T), (w.T, w))):  # fmt: skip
            fail(f"{what} sums a matrix product of w with itself. {_ENTRYWISE}")
        expect_close(got, want, what, hint="The penalty is sum_i w_i^2 / 2.")


@points(1, "l2_penalty")
def test_l2_penalty_gradient_is_w(student, reference):
    w = _weights(3, (4, 3))
    # The penalty scaled by c = -2.5, not 1 (lambda * penalty in a loss): a
    # torch.autograd.Function whose backward returns w, ignoring grad_output, is right at c = 1.
    c = torch.tensor(-2.5)
    outcome = _run_l2(student, w, grad=c)
    grad = outcome.grads[0] if outcome.grads else None
    if grad is None:
        fail("no gradient flows back to w through l2_penalty(w): keep the computation in "
             "torch (no .item(), float() or NumPy), so weight decay can be trained."
             + NO_GRAD)  # fmt: skip
    if torch.allclose(grad, 2 * c * w):
        fail("the gradient of l2_penalty(w) is 2 w: the 1/2 is missing from the penalty.")
    expect_close(grad, c * w, "the gradient of c * l2_penalty(w) with respect to w, for a"
                 " number c != 1 (here -2.5)", hint="d/dw (c ||w||^2 / 2) = c w: scaling the"
                 " penalty (by lambda, in a loss) scales its gradient (the chain rule). A"
                 " torch.autograd.Function whose backward returns w without multiplying by"
                 " grad_output is right only for l2_penalty(w).backward() alone.")  # fmt: skip
    expect_close(outcome.value, reference.l2_penalty(w), "l2_penalty(w)")  # not only its slope


# -- dropout_layer ----------------------------------------------------------------------------

_N_ROWS, _N_COLS = 400, 500  # 200,000 entries per statistical draw
_RATE_TOL = 0.01


def _positive(seed, shape, dtype=torch.float32):
    # 1 + U[0, 1): never zero, so a zero in the output can only be a dropped entry
    return 1 + torch.rand(shape, generator=generator(seed), dtype=dtype)


_RATE_ONE = ("p = 1 is a valid rate (0 <= dropout <= 1): every entry is dropped, so return zeros"
             " of X's shape and dtype (torch.zeros_like(X)). Raise ValueError only for a rate"
             " outside [0, 1].")


def _run_dropout(student, X, p, seed):
    """``student.run("dropout_layer", X, p, seed=seed)``; at p = 1, an exception raised is told
    that the rate is valid (Chainer's dropout, ``0.0 <= ratio < 1.0``, raises there)."""
    try:
        return student.run("dropout_layer", X, p, seed=seed)
    except GradingFailure as failure:
        if p != 1 or not failure.raised or "NotImplementedError" in failure.raised:
            raise
        fail(f"{failure}\n{_RATE_ONE}")


# stax's Dropout(rate) keeps with probability rate: at p = 0 every entry is dropped
_KEEPS_P = (" Yours dropped every entry: you keep with probability p and drop with 1 - p, but p"
            " is the probability of DROPPING an entry (jax's stax.Dropout(rate) takes the"
            " keep probability instead).")


def _zero_rate_hint(got, X) -> str:
    """The p = 0 hint, with _KEEPS_P where ``got`` is all zeros for an X of nonzero entries."""
    hint = "With p = 0 nothing is dropped and 1 - p = 1: return X's values."
    with suppress(TypeError, RuntimeError):
        if bool((got == 0).all()) and bool((X != 0).all()):
            hint += _KEEPS_P
    return hint


@points(2, "dropout_layer")
def test_dropout_edge_cases(student, reference):
    for seed, shape in ((0, (2, 8)), (1, (3, 4, 5))):
        X = _positive(seed, shape)
        # With random weights G: p = 0 passes the gradient on too (X.detach() kept 9/9, s. 34).
        G = seeded_randn(seed, shape)
        same = student.run("dropout_layer", X, 0.0, seed=seed, grad=G)
        got = expect_shape(same.value, shape, f"dropout_layer(X, 0.0) for X of shape {shape}")
        expect_close(got, X, "dropout_layer(X, 0.0)", hint=_zero_rate_hint(got, X))
        if not same.grads or same.grads[0] is None:
            fail("No gradient flows from dropout_layer(X, 0.0) back to X: with p = 0 the layer"
                 " passes X on unchanged, its gradient too (a network with dropout 0 still"
                 " trains the layers below). Return X.clone() (or X), not X.detach() or a new"
                 " tensor made from its values." + NO_GRAD)
        expect_close(same.grads[0], G, "the gradient of (dropout_layer(X, 0.0) * G).sum() w.r.t."
                     " X, for random weights G", hint="With p = 0 the upstream gradient passes"
                     " on unchanged.")  # fmt: skip
        zero = _run_dropout(student, X, 1.0, seed)
        got = expect_shape(zero.value, shape, f"dropout_layer(X, 1.0) for X of shape {shape}")
        if torch.isnan(got).any():
            fail("dropout_layer(X, 1.0) contains NaN: with p = 1 you divide 0 by 1 - p = 0. "
                 "Handle p = 1 separately: every entry is dropped, return zeros.")  # fmt: skip
        expect_close(got, torch.zeros_like(X), "dropout_layer(X, 1.0)",
                     hint="With p = 1 every entry is dropped.")  # fmt: skip
        expect_unchanged(X, zero.args[0], "X")
    # Each edge in X's dtype too (torch.zeros(X.shape) is float32), and "any shape" includes
    # a vector and a single number (0-dim): shape and dtype are kept for every one of them.
    for shape in ((2, 8), (5,), ()):
        X = _positive(2, shape, torch.float64)
        for p in (0.0, 0.5, 1.0):
            what = f"dropout_layer(X, {p}) for float64 X of shape {shape}"
            try:
                got = _run_dropout(student, X, p, 2).value
            except GradingFailure as failure:
                if X.ndim or p == 1:
                    raise
                fail(f"{failure}\nX may have any shape, a 0-dim tensor (one number) too: draw"
                     " the mask with torch.rand(X.shape) or torch.rand_like(X)"
                     " (torch.rand(*X.shape) is torch.rand() here, with no size), and do not"
                     " index X.shape[0].")
            got = expect_tensor(got, what)
            if got.shape != X.shape:
                # Paddle's dropout compares the draws with p = full([1], p): (1,) for a 0-d X
                grown = (" A 0-dim X combined with a tensor of shape (1,) (torch.full([1], p),"
                         " torch.tensor([p])) broadcasts to (1,): compare with the number p"
                         " itself.") if not X.ndim and got.shape == (1,) else ""  # fmt: skip
                fail(f"{what} has shape {tuple(got.shape)}: the result keeps X's shape,"
                     " whatever it is (a vector, a single number). Do not flatten or reshape"
                     f" it.{grown}")
            expect_dtype(got, torch.float64, what)
            # its values too: a lone number at p = 0.5 returned unscaled kept 9/9 (session 37)
            _expect_a_dropout(got, X, p, what)


def _dropout_sample(student, p, seed, dtype=torch.float32):
    X = _positive(100 + seed, (_N_ROWS, _N_COLS), dtype)
    outcome = student.run("dropout_layer", X, p, seed=seed)
    got = expect_shape(outcome.value, tuple(X.shape), f"dropout_layer(X, {p})")
    expect_dtype(got, dtype, f"dropout_layer(X, {p}) for {dtype} X")
    return X, got, outcome


_WHOLE_ROWS = (" Your mask has one random number per row (per example), as drop_path /"
               " stochastic depth's mask of shape (n, 1, ...) has: each row is dropped or kept"
               " whole. Dropout draws one number per entry: torch.rand(X.shape) > p.")


def _kept_hint(kept_out, kept_in, p) -> str:
    """What a kept entry should be, and why a float64 X's kept entries are off in the 8th digit:
    a float32 mask divided by 1 - p (torch.rand's default dtype, EECS 498's dropout)."""
    if 0 < p < 1 and kept_in.numel() and torch.allclose(kept_out, kept_in):  # MiniTorch's
        return (f"The kept entries equal X: they must be divided by 1 - p = {1 - p:g} so that"
                " the expectation stays X (inverted dropout).")
    scale = torch.tensor(1 / (1 - p), dtype=torch.float32).item()
    if kept_in.dtype == torch.float64 and torch.allclose(kept_out, kept_in * scale, rtol=1e-12,
                                                          atol=0):  # fmt: skip
        return ("A kept entry becomes X / (1 - p). Yours is X times a float32 1 / (1 - p): the"
                " mask (torch.rand is float32 unless told otherwise) was divided by 1 - p before"
                " it met the float64 X. Make the mask in X's dtype, or divide X itself.")
    return "A kept entry becomes X / (1 - p)."


def _whole_rows(dropped) -> bool:
    """Nearly every row of a mask (with several entries per row) dropped or kept whole."""
    if dropped.ndim < 2 or dropped.shape[1] < 2:
        return False
    flat = dropped.reshape(dropped.shape[0], -1)
    whole = flat.all(dim=1) | (~flat).all(dim=1)
    return whole.double().mean().item() > 0.99 and 0 < flat.double().mean().item() < 1


@points(3, "dropout_layer")
def test_dropout_drops_at_rate_p_and_rescales(student, reference):
    # Not 0.5, where p = 1 - p; and 0.37, no multiple of 0.1 (a rate rounded to a tenth, 0.4,
    # is 0.03 away: 28 standard deviations of the 200,000 entries' drop rate, 0.0011).
    for p, seed in ((0.3, 0), (0.2, 1), (0.8, 2), (0.37, 10)):
        X, got, _ = _dropout_sample(student, p, seed)
        if torch.isnan(got).any():
            fail(f"dropout_layer(X, {p}) contains NaN.")
        dropped = got == 0
        rate = dropped.double().mean().item()
        what = f"dropout_layer(X, {p}) on {X.numel():,} entries"
        if abs(rate - (1 - p)) < _RATE_TOL and abs(rate - p) > _RATE_TOL:
            fail(f"{what} dropped a fraction {rate:.3f} of the entries, about 1 - p: you keep "
                 f"with probability p and drop with 1 - p. Drop an entry when the uniform draw "
                 f"is <= p (keep it when the draw is > p).")  # fmt: skip
        if abs(rate - p) > _RATE_TOL:
            normal = 0.5 * (1 + math.erf(p / math.sqrt(2)))  # P(N(0, 1) <= p)
            hint = (" torch.randn draws from a normal distribution, so randn > p keeps only"
                    f" a fraction {1 - normal:.3f}: compare a UNIFORM draw on [0, 1) with p"
                    " (torch.rand)." if abs(rate - normal) < _RATE_TOL else "")
            rounded = [r for r in (round(p, 1), round(2 * p, 1) / 2) if r != p]
            if not hint and _whole_rows(dropped):
                hint = _WHOLE_ROWS
            if not hint and any(abs(rate - r) < _RATE_TOL for r in rounded):
                near = min(rounded, key=lambda r: abs(rate - r))
                hint = (f" {rate:.3f} is about p rounded to {near:g}: your mask drops at a"
                        " rounded rate (e.g. a digit 0-9 compared with round(10 * p)), right"
                        " only for rates such as 0.3 that need no rounding."
                        " Compare one uniform draw per entry with p itself: torch.rand(X.shape)"
                        " > p keeps an entry.")
            fail(f"{what} dropped a fraction {rate:.3f} of the entries; expected {p} (within "
                 f"{_RATE_TOL}). Each entry must be dropped with probability p.{hint}")  # fmt: skip
        kept_in, kept_out = X[~dropped], got[~dropped]
        if torch.allclose(kept_out, kept_in):
            fail(f"{what}: the kept entries equal X; they must be divided by 1 - p = {1 - p:g} "
                 "so that the expectation stays X (inverted dropout).")  # fmt: skip
        if torch.allclose(kept_out, kept_in / p):
            fail(f"{what}: the kept entries are X / p; divide by the keep probability 1 - p "
                 "instead.")  # fmt: skip
        expect_close(kept_out, kept_in / (1 - p), f"the kept entries of {what}",
                     hint=_kept_hint(kept_out, kept_in, p))
        ratio = (got / X).mean().item()
        if abs(ratio - 1) > 0.03:  # std of the mean of got / X is < 0.005 here
            fail(f"{what}: the mean of output / X is {ratio:.3f}, not 1: the expectation must "
                 "be unchanged, E[dropout(X)] = X.")  # fmt: skip
    # A minibatch drops at the same rate: at p = 0.5, 16,384 and 600 entries allow 0.05 and
    # 0.12 around it (about 13 and 6 standard deviations); at p = 0.2, 4,000 allow 0.05 (8).
    # And the gradient, weighted by a random G (not ones, which an autograd.Function that
    # forgets grad_output gets right): G / (1 - p) where kept, 0 where dropped. A dropout under
    # torch.no_grad() (or through .detach(), NumPy) kept every point, session 33: a network
    # trained with it never trains the layers below the dropout. At p = 0.5 alone, 1 / p and
    # 1 / (1 - p) are one number: a backward scaling by 1 / p kept every point (session 34).
    for seed, shape, p, tolerance in ((8, (64, 256), 0.5, 0.05), (9, (3, 5, 40), 0.5, 0.12),
                                      (10, (40, 100), 0.2, 0.05)):  # fmt: skip
        X, G = _positive(seed, shape), seeded_randn(seed, shape)
        what = f"dropout_layer(X, {p}) for X of shape {shape}"
        outcome = student.run("dropout_layer", X, p, seed=seed, grad=G)
        got = expect_shape(outcome.value, shape, what)
        _expect_a_dropout(got, X, p, what)
        if not outcome.grads or outcome.grads[0] is None:
            fail(f"No gradient flows from dropout_layer(X, {p}) back to X: the values are right,"
                 " but autograd cannot see how they were made, so the layers below a dropout"
                 " never learn. Multiply X itself by the mask (no .detach(), NumPy or"
                 " torch.tensor(...))." + NO_GRAD)  # fmt: skip
        expect_close(outcome.grads[0], G * (got != 0) / (1 - p), f"the gradient of"
                     f" (dropout_layer(X, {p}) * G).sum() w.r.t. X, for random weights G",
                     hint=f"A kept entry passes its upstream gradient on times 1 / (1 - p) ="
                     f" {1 / (1 - p):g}, as its value is scaled, a dropped one passes 0 (the"
                     " chain rule: a torch.autograd.Function whose backward ignores grad_output"
                     " is right only under .sum()).")  # fmt: skip
        rate = (got == 0).double().mean().item()
        if abs(rate - p) > tolerance:
            fail(f"{what} dropped a fraction {rate:.3f} of the entries: every input, whatever"
                 " its size, drops each entry with probability p.")  # fmt: skip
    # A ReLU's output: exact zeros, whole numbers elsewhere. Code that skipped X with a zero,
    # or left whole numbers unscaled, kept every point (every X above is 1 + U[0, 1), session 37).
    X = _positive(11, (100, 200)).ceil()
    X[:, ::3] = 0.0
    what = "dropout_layer(X, 0.3) for X of whole numbers (1.0, 2.0) with exact zeros in it"
    got = expect_shape(student.run("dropout_layer", X, 0.3, seed=11).value, tuple(X.shape), what)
    live = X != 0
    expect_close(got[~live], X[~live], f"the entries of {what} where X is 0",
                 hint="A zero of X stays 0, dropped or kept.")  # fmt: skip
    rate = (got[live] == 0).double().mean().item()
    if abs(rate - 0.3) > 0.02:  # 13,333 nonzero entries: 0.02 is 5 standard deviations
        fail(f"{what} dropped a fraction {rate:.3f} of X's nonzero entries, not p = 0.3: X may"
             " hold exact zeros (a ReLU's output has many); drop each entry with probability p"
             " all the same.")  # fmt: skip
    _expect_a_dropout(got[live], X[live], 0.3, f"{what}, where X is not 0")


def _expect_a_dropout(got, X, p, what):
    """Fail unless every entry of ``got`` is 0 (dropped) or ``X / (1 - p)`` (kept)."""
    kept = got != 0 if p < 1 else torch.zeros_like(X, dtype=torch.bool)
    hint = None
    if p == 1 and not torch.isfinite(got).all():
        hint = ("With p = 1 you divide by 1 - p = 0 (0 / 0 is NaN): every entry is dropped, so"
                " return zeros for p = 1 without dividing.")
    expect_close(got[~kept], torch.zeros_like(X)[~kept], what, hint=hint)
    expect_close(got[kept], X[kept] / (1 - p), f"the kept entries of {what}",
                 hint=_kept_hint(got[kept], X[kept], p) if p < 1 else None)


@points(1, "dropout_layer")
def test_dropout_masks_are_independent(student, reference):
    X, got, _ = _dropout_sample(student, 0.5, 3)
    mask = got == 0
    if _whole_rows(mask):
        fail(f"dropout_layer(X, 0.5) drops whole rows at a time. {_WHOLE_ROWS.strip()}")
    identical = (mask == mask[0]).all(dim=1).double().mean().item()
    if identical > 0.5:
        fail("dropout_layer(X, 0.5) drops the same positions in every row: draw one random "
             "number per entry of X (torch.rand(X.shape)), not one per column.")  # fmt: skip
    _, other, _ = _dropout_sample(student, 0.5, 4)
    if torch.equal(mask, other == 0):
        fail("dropout_layer gives the same mask with different seeds: draw the mask from "
             "torch's global random generator (torch.rand), not a fixed generator.")  # fmt: skip
    # Masks drawn after different seeds are independent of each other too: two of them agree
    # where both drop or both keep, ra rb + (1 - ra) (1 - rb) of the entries (within 0.0011, one
    # standard deviation, of 200,000). One random number per call spread over X by a fixed rule
    # (a lattice u + k c (mod 1) in a fixed shuffled order, a red team's, session 32) gives masks
    # that are one pattern shifted: a pair may agree at chance by luck, never three pairs.
    _, third, _ = _dropout_sample(student, 0.5, 5)
    masks = {3: mask, 4: other == 0, 5: third == 0}
    for (a, ma), (b, mb) in ((x, y) for x in masks.items() for y in masks.items() if x[0] < y[0]):
        ra, rb = ma.double().mean().item(), mb.double().mean().item()
        chance = ra * rb + (1 - ra) * (1 - rb)
        same = (ma == mb).double().mean().item()
        if abs(same - chance) > 0.02:
            fail(f"dropout_layer(X, 0.5) after torch.manual_seed({a}) and after"
                 f" torch.manual_seed({b}) gives masks that agree at {same:.3f} of the entries,"
                 f" where independent draws agree {chance:.3f} of the time (ra rb + (1 - ra)"
                 " (1 - rb), their drop rates): the masks are one pattern, shifted, not new"
                 " draws. Draw one uniform number per entry of X (torch.rand(X.shape)), not a"
                 " few numbers spread over X by a formula.")
        # Nor is one mask the other shifted (a mask drawn once, rolled by a random offset each
        # call, session 32): the circular cross-correlation of the two flattened masks, at every
        # shift, is 0 give or take 1/sqrt(n) = 0.0022 for independent ones (0.2: 90 of those).
        ca, cb = (m.flatten().double() - m.double().mean() for m in (ma, mb))
        scale = ca.norm() * cb.norm()
        if scale > 0:
            cross = torch.fft.irfft(torch.fft.rfft(ca) * torch.fft.rfft(cb).conj(), n=len(ca))
            shifted = float(cross.abs().max() / scale)
            if shifted > 0.2:
                fail(f"dropout_layer(X, 0.5) after torch.manual_seed({a}) and after"
                     f" torch.manual_seed({b}) gives masks of which one is the other shifted"
                     f" (their correlation at the best shift is {shifted:.2f}, where independent"
                     " draws give about 0): one mask reused and moved, not a new draw. Draw one"
                     " uniform number per entry of X at every call (torch.rand(X.shape)).")
    # Independent entries: the number dropped varies (binomial). The same count in every row,
    # or exactly half of 200,000 entries in both draws (chance 3e-6), is a fixed count.
    half = X.numel() // 2
    # Compared with the rate this mask drops at, r (about p = 0.5): a wrong rate with
    # independent draws (r = 0.75) is the rate test's to name, and two independent entries are
    # dropped together r * r of the time.
    r = mask.double().mean().item()
    for dim, where in ((1, "side by side"), (0, "one above the other")):
        n = mask.shape[dim] - 1
        both = (mask.narrow(dim, 0, n) & mask.narrow(dim, 1, n)).double().mean().item()
        if abs(both - r * r) > 0.02:  # within about 20 standard deviations (0.001)
            fail(f"dropout_layer(X, 0.5) drops two neighbouring entries ({where}) together"
                 f" {both:.3f} of the time, where its rate {r:.3f} gives {r * r:.3f} (r * r) for"
                 " independent entries: each entry is dropped independently of every other,"
                 " with one uniform draw of its own.")
    # Nor does the mask agree with itself reversed (the flattened mask, each row, the order of
    # the rows) more than independent entries do: r^2 + (1 - r)^2 of the time. Of m pairs
    # (k, reversed k) the share that agree has the standard deviation sqrt(a (1 - a) / m) <=
    # 0.0016 here (m = 100,000 pairs each time); 0.03 is 19 of them. Half the draws used twice, the
    # second time reversed (a red team's, session 31), agree everywhere.
    agree = r * r + (1 - r) * (1 - r)
    for mirrored, where in ((mask.flatten().flip(0), "the whole mask (flattened)"),
                            (mask.flip(1).flatten(), "each row"),
                            (mask.flip(0).flatten(), "the order of its rows")):  # fmt: skip
        same = (mask.flatten() == mirrored).double().mean().item()
        if abs(same - agree) > 0.03:
            fail(f"dropout_layer(X, 0.5)'s mask agrees with itself reversed ({where}) at"
                 f" {same:.3f} of the entries, where independent entries agree"
                 f" r^2 + (1 - r)^2 = {agree:.3f} of the time (r = {r:.3f}, its drop rate): your"
                 " mask repeats its own draws in reverse order. Draw one uniform number per"
                 " entry of X (torch.rand(X.shape)), not half of them used twice.")
    # Independent draws never repeat a stretch: of the mask's runs of 32 entries (2**32 kinds at
    # p = 0.5) nearly all differ. A block of draws tiled over X (a red team's 20,000 draws,
    # session 30) repeats them all.
    flat = mask.flatten().to(torch.int64)
    stretches = len(flat) - 31
    runs = sum(flat[j : j + stretches] << j for j in range(32))
    kinds = len(torch.unique(runs))
    if kinds < 0.9 * stretches:
        fail(f"dropout_layer(X, 0.5) repeats its random draws: of the {stretches:,} runs of 32"
             f" neighbouring entries of its mask only {kinds:,} differ, where independent draws"
             " repeat about one in 2**32. Draw one uniform number per entry of X"
             " (torch.rand(X.shape)), not a block of them tiled or repeated over X.")
    rows = mask.sum(dim=1)
    if bool((rows == rows[0]).all()) or int(mask.sum()) == int((other == 0).sum()) == half:
        fail(f"dropout_layer(X, 0.5) drops a fixed number of entries (exactly p of them, e.g."
             f" {half:,} of {X.numel():,}, or the same number in every row), as randperm picks"
             " do. Each entry is dropped independently with probability p, so the count varies"
             " from call to call: compare one uniform draw per entry with p (torch.rand(X.shape)"
             " > p keeps it).")  # fmt: skip
    X = _positive(7, (20, 30))
    # The same seed for torch, then another for Python's random and NumPy: the same mask.
    # Each draw must be a dropout of X: a mask compared with a value of another shape (or
    # none) would differ from it whatever the function does.
    first, again, later = (student.run("dropout_layer", X, 0.5, seed=seed).value
                           for seed in (7, (7, 8), None))  # fmt: skip
    for got, how in ((first, "after a seed"), (again, "after a seed pair"), (later, "unseeded")):
        what = f"dropout_layer(X, 0.5), {how}"
        _expect_a_dropout(expect_shape(expect_tensor(got, what), X.shape, what), X, 0.5, what)
    if not torch.equal(first == 0, again == 0):
        fail("dropout_layer gives different masks after the same torch.manual_seed: draw the "
             "mask from torch's global random generator (torch.rand(X.shape)), not from a "
             "generator of your own, Python's random or NumPy, so that runs can be "
             "repeated.")  # fmt: skip
    # Under no_grad, as a validation loop calls it: dropout keyed on the grad mode kept 23/23.
    quiet = student.run("dropout_layer", X, 0.5, seed=7, no_grad=True).value
    what = "dropout_layer(X, 0.5) under torch.no_grad()"
    quiet = expect_shape(expect_tensor(quiet, what), X.shape, what)
    if not torch.equal(first, quiet):
        fail(f"{what}, after the same seed, did not give the values it gives with autograd on"
             f" ({short_repr(quiet)}). torch.no_grad() only stops autograd from recording: it"
             " does not mean evaluation. dropout_layer has no training flag, so it drops (or"
             " not) the same way whether gradients are recorded or not: do not test"
             " torch.is_grad_enabled() or X.requires_grad.")
    if torch.equal(first == 0, later == 0):  # no new seed: the generator has moved on
        fail("dropout_layer gives the same mask on every call: each forward pass must drop a"
             " new random set of entries. Draw from torch's global generator as it stands,"
             " without seeding it (torch.manual_seed, torch.initial_seed) in the function.")


@points(1, "dropout_layer")
def test_dropout_leaves_input_unmodified(student, reference):
    for p in (0.0, 0.5, 1.0):
        X = _positive(5, (6, 7))
        outcome = _run_dropout(student, X, p, 5)
        got = expect_shape(outcome.value, X.shape, f"dropout_layer(X, {p})")
        expect_unchanged(X, outcome.args[0], f"X after dropout_layer(X, {p})")
        # Leaving X alone earns the point only with a dropout (`return X` leaves it too): every
        # entry dropped (0) or kept and rescaled.
        _expect_a_dropout(got, X, p, f"dropout_layer(X, {p})")
        if p == 0:
            expect_close(got, X, f"dropout_layer(X, {p})", hint=_zero_rate_hint(got, X))


@points(1, "dropout_layer")
def test_dropout_rejects_invalid_rate(student, reference):
    X = _positive(6, (2, 8))
    got = student.run("dropout_layer", X, 0.5, seed=6).value  # a valid rate: a dropout
    _expect_a_dropout(expect_shape(got, X.shape, "dropout_layer(X, 0.5)"), X, 0.5,
                      "dropout_layer(X, 0.5)")  # fmt: skip
    for p in (-0.1, 1.5):
        expect_raises(student, "ValueError", "dropout_layer", X, p,
                      why="A probability outside [0, 1] is a bug in the caller: say so.")
    # The rate by its name, as the docstring's Args call it (dropout_layer(X, dropout=0.5)), and
    # a plain int 0: 0 <= dropout <= 1 holds, and only a rate outside [0, 1] raises.
    X = _positive(3, (4, 5))
    for p, kwargs in ((0.5, {"dropout": 0.5}), (0, {})):
        what = "dropout_layer(X, dropout=0.5)" if kwargs else "dropout_layer(X, 0)"
        try:
            got = student.run("dropout_layer", X, *(() if kwargs else (p,)), seed=3,
                              **kwargs).value  # fmt: skip
        except GradingFailure as failure:
            if kwargs and "TypeError" in failure.raised:
                fail(f"{failure}\nThe docstring names the rate `dropout` (Args), and a caller may"
                     " pass it by that name: keep the stub's signature, def dropout_layer(X,"
                     " dropout), rather than renaming the parameter (p, rate, ...).")
            if not kwargs and {"ValueError", "TypeError"} & set(failure.raised or ()):
                fail(f"{failure}\nThe int 0 is a valid rate: the docstring asks for"
                     " 0 <= dropout <= 1 and raises ValueError only outside [0, 1]. Check the"
                     " value (if not 0 <= dropout <= 1), not its type, and return X's values.")
            raise
        got = expect_shape(expect_tensor(got, what), X.shape, what)
        if p == 0:
            expect_close(got, X, what, hint="With p = 0 nothing is dropped: return X's values.")
        else:
            _expect_a_dropout(got, X, p, what)


# -- best_epoch -------------------------------------------------------------------------------

_HISTORIES = [
    [0.6, 0.8, 0.7],
    [0.51, 0.62, 0.70, 0.74, 0.77],  # still improving: the last epoch is the best
    [0.9, 0.85, 0.8, 0.7],  # getting worse from the start
    [0.42],
    [0.70, 0.81, 0.85, 0.84, 0.86, 0.83, 0.80, 0.79],
    [-0.5, -0.2, -0.9],  # scores of any sign (a log-likelihood): a best of 0 to start is wrong
    [0.8, 0.8001, 0.79],  # close is not a tie: no rounding, no isclose
    # a best after 12 epochs without improvement: early stopping's patience (3 kept 7/7, s. 35)
    [0.5, 0.7, 0.64, 0.66, 0.67, 0.68, 0.69, 0.68, 0.69, 0.66, 0.68, 0.69, 0.67, 0.69, 0.72, 0.71],
]


def _expect_int(got, what):
    if isinstance(got, bool) or not isinstance(got, int):
        fail(f"{what} returned {short_repr(got)}; return the epoch number as an int (wrap a"
             " tensor's result in int(...), e.g. int(torch.argmax(t)) + 1).")


def _best_epoch_answers(student, reference, histories) -> None:
    """Ask for the best epoch of each history; fail, at the first wrong answer, with the one
    mistake that explains every answer (a 0-based index, the last epoch, the lowest score), or
    else with the expected epoch."""
    answers = []
    for scores in histories:
        outcome = student.run("best_epoch", list(scores))
        if outcome.args[0] != scores:
            fail(f"best_epoch({scores}) modified the list of scores (e.g. by sorting it in place).")
        _expect_int(outcome.value, f"best_epoch({scores})")
        answers.append((scores, outcome.value, reference.best_epoch(scores)))
    wrong = [(scores, got, want) for scores, got, want in answers if got != want]
    if not wrong:
        return
    scores, got, want = wrong[0]
    said = f"best_epoch({scores}) returned {got}"
    mistakes = [
        (lambda s, g, w: g == w - 1, "the 0-based list index: epochs count from 1, so the"
         f" answer is {want}."),
        (lambda s, g, w: g == s.index(min(s)) + 1, "the epoch with the LOWEST score: higher is"
         " better."),
        (lambda s, g, w: g == len(s), f"the last epoch. The best epoch is the one with the"
         f" highest score ({want} here): training longer does not always help."),
        (lambda s, g, w: g == len(s) - s[::-1].index(max(s)), f"the LATEST of the epochs that"
         f" tie for the highest score; return the earliest ({want}): use > rather than >= when"
         " you compare."),
        (lambda s, g, w: g == w or (1 < w and 0 < g < w and g == s.index(max(s[: w - 1])) + 1),
         "the best"
         " epoch before a plateau: you stopped looking after some epochs without improvement"
         " (early stopping's patience). best_epoch reads every score in the list; the highest"
         f" comes at epoch {want}."),
    ]  # fmt: skip
    for explains, why in mistakes:
        if all(explains(*answer) for answer in answers):
            fail(f"{said}, {why}")
    fail(f"{said}; expected {want}, the earliest epoch of the highest score.")


@points(2, "best_epoch")
def test_best_epoch_values(student, reference):
    _best_epoch_answers(student, reference, _HISTORIES)
    # "One number per epoch": an int is a number too (a count of correct answers).
    try:
        _best_epoch_answers(student, reference, ([12, 17, 15],))
    except GradingFailure as failure:
        if not failure.raised:
            raise
        fail(f"{failure}\nThe scores are numbers, one per epoch, and ints are numbers too (a"
             " count of correct answers per epoch): compare them as they come, without"
             " requiring floats.")


@points(1, "best_epoch")
def test_best_epoch_ties_go_to_the_earliest(student, reference):
    _best_epoch_answers(student, reference,
                        ([0.5, 0.9, 0.7, 0.9, 0.8], [0.3, 0.3, 0.3], [0.6, 0.7, 0.7]))


@points(1, "best_epoch")
def test_best_epoch_empty_history(student, reference):
    got = student.best_epoch([0.5, 0.6])  # a history: its answer
    _expect_int(got, "best_epoch([0.5, 0.6])")
    if got != 2:
        fail(f"best_epoch([0.5, 0.6]) returned {got}; expected 2, the epoch of the highest"
             " score.")
    raised = expect_raises(student, "ValueError", "best_epoch", [],
                           why="An empty history has no best epoch: raise ValueError (or an"
                           " exception class of your own that subclasses ValueError, so that"
                           " `except ValueError` catches it) with a clear message, rather than"
                           " another exception or a made-up epoch.")  # fmt: skip
    # Python's and NumPy's own words for max() or argmax() of nothing are not the message the
    # docstring asks for: they tell the caller about a sequence, not about epochs (a message of
    # the student's that says both, "an empty sequence: no epoch to choose from", is theirs).
    message = raised.partition(": ")[2].strip()
    pythons = any(s in message for s in ("empty sequence", "argument is empty"))
    if not message or (pythons and "epoch" not in message.lower()):
        what = f"({raised}), Python's words for an empty sequence" if message else "no message"
        fail(f"best_epoch([]) raised a ValueError with {what}. The docstring asks for a message"
             " saying that there is no epoch to choose from: check first, e.g. `if not scores:"
             " raise ValueError(\"no scores: there is no epoch to choose\")`.")


# -- weight_decay_step ------------------------------------------------------------------------


def _float32_rates(reference, got, w, grad, lr, weight_decay) -> str:
    """A hint when a float64 step took lr or weight_decay as float32 numbers (tinygrad keeps lr
    as a float32 Tensor; torch.tensor(lr) is float32 too), or ``""``."""
    f32 = [float(torch.tensor(v, dtype=torch.float32)) for v in (lr, weight_decay)]
    if w.dtype != torch.float64 or f32 == [lr, weight_decay]:
        return ""
    for rates in ([f32[0], weight_decay], [lr, f32[1]], f32):
        if torch.allclose(got, reference.weight_decay_step(w, grad, *rates), rtol=1e-13,
                          atol=0):
            return (" Yours takes the rates as float32 numbers (torch.tensor(lr) is float32:"
                    f" {lr} becomes {f32[0]:.10g}), which float64 weights show: use the Python"
                    " floats as they are given.")
    return ""


@points(3, "weight_decay_step")
def test_weight_decay_step_matches_sgd(student, reference):
    # (1, 3): one layer's row, not a bias (a w of one row stepped plainly kept 5/5, session 37)
    cases = [((5,), 0.1, 0.5), ((3, 4), 0.03, 3.0), ((2, 3, 2), 0.5, 0.0), ((7,), 0.003, 3.0),
             ((1, 3), 0.2, 0.7), ((4,), 0.2, 0.1)]  # fmt: skip
    for i, (shape, lr, wd) in enumerate(cases):
        # w and grad requiring grad, as a model's parameters do (keyed on it: 5/5, session 37)
        needs = i == 1
        g = generator(20 + i)
        dtype = torch.float64 if i == len(cases) - 1 else torch.float32
        w = torch.randn(shape, generator=g, dtype=dtype)
        grad = torch.randn(shape, generator=g, dtype=dtype)
        what = (f"weight_decay_step(w, grad, lr={lr}, weight_decay={wd}) for {dtype} w of"
                f" shape {shape}" + (" that requires grad" if needs else ""))  # fmt: skip
        outcome = run_grad_or_numpy(student, "weight_decay_step", w, grad, lr, wd, grad=needs)
        got = expect_shape(outcome.value, shape, what)
        expect_dtype(got, dtype, what)
        # every shape: an in-place add_ on vectors only kept 4/4 (only (4, 3) was watched, s. 35)
        expect_unchanged(w, outcome.args[0], f"w of shape {shape}")
        expect_unchanged(grad, outcome.args[1], f"grad of shape {shape}")
        want = reference.weight_decay_step(w, grad, lr, wd)
        if wd > 0:
            if torch.allclose(got, w - lr * grad):
                fail(f"{what} is a plain SGD step: the weights must also shrink by the factor "
                     "1 - lr * weight_decay.")  # fmt: skip
            if torch.allclose(got, (1 - wd) * w - lr * grad):
                fail(f"{what} shrinks w by 1 - weight_decay: the decay is scaled by the "
                     "learning rate too, (1 - lr * weight_decay) * w.")  # fmt: skip
            if torch.allclose(got, (1 + lr * wd) * w - lr * grad):
                fail(f"{what} grows w by 1 + lr * weight_decay: the penalty's gradient "
                     "lambda * w is subtracted, so w shrinks.")  # fmt: skip
            if torch.allclose(got, (1 - lr * wd) * (w - lr * grad)):
                fail(f"{what} shrinks w after the gradient step, so the step shrinks too: decay"
                     " the current weights only, (1 - lr * weight_decay) * w - lr * grad (both"
                     " terms from the same w).")  # fmt: skip
            if torch.allclose(got, (1 - lr * wd / 2) * w - lr * grad):
                fail(f"{what} shrinks w by 1 - lr * weight_decay / 2: the penalty"
                     " weight_decay / 2 * ||w||^2 has the gradient weight_decay * w (its 1/2"
                     " cancels the 2 of the square), so the factor is 1 - lr * weight_decay.")
        expect_close(got, want, what, **float32_tolerances(want, 1e-5, 1e-6),
                     hint="The step is (1 - lr * weight_decay) * w - lr * grad, like "
                          "torch.optim.SGD(..., weight_decay=weight_decay)."
                          + _float32_rates(reference, got, w, grad, lr, wd))  # fmt: skip


@points(1, "weight_decay_step")
def test_weight_decay_step_leaves_inputs_unmodified(student, reference):
    g = generator(30)
    w, grad = torch.randn(4, 3, generator=g), torch.randn(4, 3, generator=g)
    # No decay and no gradient: the weights do not move, but the result is still a new tensor.
    if student.run("weight_decay_step", w, torch.zeros_like(grad), 0.1, 0.0).shares:
        fail("weight_decay_step(w, zeros, 0.1, 0.0) returned w itself (or a view of it), where"
             " the docstring asks for a new tensor: a caller that changes the result in place"
             " would change w too. Compute the step (or return w.clone()).")
    # The rates by the names the docstring gives them, as torch.optim.SGD(...) takes them.
    try:
        outcome = student.run("weight_decay_step", w, grad, lr=0.1, weight_decay=0.5)
    except GradingFailure as failure:
        if "TypeError" not in failure.raised:
            raise
        fail(f"{failure}\nweight_decay_step(w, grad, lr=..., weight_decay=...) passes the rates"
             " by the names the docstring gives them (Args: lr, weight_decay), as"
             " torch.optim.SGD(params, lr=..., weight_decay=...) takes them: keep the stub's"
             " signature, def weight_decay_step(w, grad, lr, weight_decay), rather than"
             " renaming them (eta, wd, ...).")  # fmt: skip
    got = expect_shape(outcome.value, (4, 3), "weight_decay_step(w, grad, 0.1, 0.5)")
    expect_dtype(got, w.dtype, "weight_decay_step(w, grad, 0.1, 0.5)")
    expect_unchanged(w, outcome.args[0], "w")
    expect_unchanged(grad, outcome.args[1], "grad")
    # w.grad is the caller's too: autograd run on w itself (w.requires_grad_(), backward())
    # left its values alone and kept every point (session 38).
    if outcome.arg_grads and outcome.arg_grads[0] is not None:
        fail("weight_decay_step(w, grad, 0.1, 0.5) left a gradient in w.grad, which was empty:"
             " autograd run on the caller's w (w.requires_grad_() and backward()) changes w's"
             " flags and writes into w.grad, the gradient a training loop reads. The penalty's"
             " gradient is weight_decay * w: write the step with it, no autograd and no"
             " backward().")  # fmt: skip
    if not math.isfinite(float(outcome.value.abs().max())):
        fail("weight_decay_step returned inf or NaN for ordinary inputs.")
    # `return w` leaves the inputs alone too: the point needs the step.
    expect_close(got, reference.weight_decay_step(w, grad, 0.1, 0.5),
                 "weight_decay_step(w, grad, 0.1, 0.5)", rtol=1e-5, atol=1e-6,
                 hint="The step is (1 - lr * weight_decay) * w - lr * grad,"
                 " lr = 0.1 and weight_decay = 0.5 here.")  # fmt: skip


# -- hidden tests (instructor grading only: left out of the student edition) --------------------


@points(1, "l2_penalty", hidden=True)
def test_hidden_l2_penalty_other_weights(student, reference):
    from coursekit.grading import seeded_randn

    w = seeded_randn(9001, (4, 3), scale=2.0)
    expect_close(_run_l2(student, w).value, reference.l2_penalty(w), "l2_penalty of a (4, 3) w",
                 hint="The penalty is sum_i w_i^2 / 2, over every entry of w.")


@points(1, "dropout_layer", hidden=True)
def test_hidden_dropout_rate_0_65_float64_other_shape(student, reference):
    # A rate, dtype and shape no public draw uses (the rate no multiple of 0.1 either); the
    # checks are the public test's.
    p = 0.65
    X = _positive(9002, (800, 250), torch.float64)  # 200,000 entries, as in the public draws
    what = f"dropout_layer(X, {p}) for float64 X of shape (800, 250)"
    got = expect_dtype(expect_shape(student.run("dropout_layer", X, p, seed=9002).value,
                                    (800, 250), what), torch.float64, what)  # fmt: skip
    dropped = got == 0
    rate = dropped.double().mean().item()
    if abs(rate - p) > _RATE_TOL:
        keeps = (": about 1 - p, you keep with probability p and drop with 1 - p"
                 if abs(rate - (1 - p)) < _RATE_TOL else "")
        fail(f"{what} dropped a fraction {rate:.3f} of the entries; expected {p} (within "
             f"{_RATE_TOL}){keeps}.")  # fmt: skip
    expect_close(got[~dropped], X[~dropped] / (1 - p), f"the kept entries of {what}",
                 hint=_kept_hint(got[~dropped], X[~dropped], p))


@points(1, "best_epoch", hidden=True)
def test_hidden_best_epoch_longer_histories_and_ties(student, reference):
    histories = [0.3, 0.55, 0.55, 0.4, 0.61, 0.61, 0.2], [0.25, 0.25, 0.9, 0.1, 0.9], [0.8, 0.8]
    for scores in histories:
        got, want = student.best_epoch(list(scores)), reference.best_epoch(scores)
        _expect_int(got, f"best_epoch({scores})")
        if got != want:
            fail(f"best_epoch({scores}) returned {short_repr(got)}; expected {want}, the earliest"
                 " epoch of the highest score, counting from 1.")  # fmt: skip


@points(1, "weight_decay_step", hidden=True)
def test_hidden_weight_decay_step_other_rates(student, reference):
    for i, (shape, lr, wd, dtype) in enumerate([((3, 5), 0.05, 0.7, torch.float64),
                                                ((2, 2, 2), 0.4, 2.0, torch.float32)]):  # fmt: skip
        g = generator(9003 + i)
        w = torch.randn(shape, generator=g, dtype=dtype)
        grad = torch.randn(shape, generator=g, dtype=dtype)
        what = f"weight_decay_step(w, grad, lr={lr}, weight_decay={wd}) for {dtype} w"
        got = expect_dtype(expect_shape(student.weight_decay_step(w, grad, lr, wd), shape, what),
                           dtype, what)  # fmt: skip
        want = reference.weight_decay_step(w, grad, lr, wd)
        expect_close(got, want, what, **float32_tolerances(want, 1e-5, 1e-6),
                     hint="The step is (1 - lr * weight_decay) * w - lr * grad."
                     + _float32_rates(reference, got, w, grad, lr, wd))  # fmt: skip
