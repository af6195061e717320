"""Grading tests for exercises/linear_regression.py (run through coursekit.grading).

Each test calls the student's function in the isolated worker and checks the result here.
"""

import math
import random

import numpy as np
import torch

from coursekit.grading import (
    NO_GRAD,
    GradingFailure,
    all_close,
    circular_unevenness,
    expect_close,
    expect_dtype,
    expect_shape,
    expect_tensor,
    expect_unchanged,
    fail,
    float32_tolerances,
    generator,
    points,
    ranks,
    seeded_randn,
    with_grad,
)

# The course's library draws the same dataset (the book's pages use it): the exercise is to
# write it (its docstring).
BY_HAND = {"synthetic_data": ("coursekit",)}

TRUE_W = torch.tensor([2.0, -3.4])
TRUE_B = 4.2


def _regression(seed, n, d, dtype=torch.float32):
    g = generator(seed)
    X = torch.randn(n, d, generator=g, dtype=dtype)
    w = torch.randn(d, generator=g, dtype=dtype)
    b = float(torch.randn(1, generator=g))
    y = (X @ w + b + 0.01 * torch.randn(n, generator=g, dtype=dtype)).reshape(-1, 1)
    return X, y, w, b


# -- synthetic_data ---------------------------------------------------------------------------


def _synthetic(student, w, b, n, seed):
    try:
        outcome = student.run("synthetic_data", w, b, n, seed=seed)
    except GradingFailure as failure:
        if w.dtype == torch.float32 or "RuntimeError" not in failure.raised:
            raise
        fail(f"{failure}\nWith a {w.dtype} w, every tensor you draw must have that dtype too:"
             " torch.normal and torch.randn draw float32 unless you pass dtype=w.dtype.")
    X, y = _pair(outcome.value, "synthetic_data(...)")
    # Both in w's dtype (the docstring) before any statistics are taken of them.
    return expect_dtype(X, w.dtype, "X"), expect_dtype(y, w.dtype, "y")


def _pair(value, what):
    if not isinstance(value, tuple | list) or len(value) != 2:
        fail(f"{what} should return a tuple (X, y) of two tensors.")
    return value


@points(1, "synthetic_data")
def test_synthetic_data_shapes(student, reference):
    # The last w has a single feature: w of shape (1,) is still a vector of shape (d,).
    for w, n in ((TRUE_W, 1000), (torch.tensor([0.5, 1.0, -2.0, 3.0]), 7),
                 (torch.tensor([2.5]), 6)):  # fmt: skip
        if n == 1000:  # enough draws to tell data of the model from other data of that shape
            X, y = _expect_follows_the_model(student, w, 1.5, n, seed=0)
        else:
            try:
                X, y = _synthetic(student, w, 1.5, n, seed=0)
            except GradingFailure as failure:
                if len(w) > 1 or not failure.raised:
                    raise
                fail(f"{failure}\nw has shape (d,) for any d, d = 1 (one feature) included:"
                     " use it as it is, y = X @ w + b (shape (n,)), then reshape y to (n, 1)."
                     " A .squeeze() turns a w of shape (1,) into a 0-d tensor, which X @ w"
                     " refuses.")  # fmt: skip
        expect_shape(X, (n, len(w)), f"X for w of shape ({len(w)},) and {n} examples")
        expect_shape(y, (n, 1), f"y for {n} examples")
        expect_dtype(X, w.dtype, "X")
        expect_dtype(y, w.dtype, "y")
    X, y = _synthetic(student, TRUE_W.double(), 1.5, 5, seed=0)
    expect_dtype(X, torch.float64, "X when w is float64")
    expect_dtype(y, torch.float64, "y when w is float64")


def _expect_follows_the_model(student, w, b, n, seed):
    X, y = _synthetic(student, w, b, n, seed=seed)
    expect_shape(X, (n, len(w)), "X")
    expect_shape(y, (n, 1), "y")
    if X.std() < 0.9 or X.std() > 1.1 or X.mean().abs() > 0.1:
        fail(
            f"X should be drawn from N(0, 1), but its mean is {float(X.mean()):.3f} and its"
            f" standard deviation {float(X.std()):.3f}: use torch.normal(0, 1, ...) or torch.randn."
        )
    # n independent draws from N(0, I) never repeat an example (a red team's 100 examples
    # tiled to 4,000 kept every point, session 30): each is a new observation.
    distinct = len(torch.unique(X, dim=0))
    if distinct < n:
        fail(f"X holds only {distinct:,} different examples among its {n:,} rows: draw every row"
             " anew (torch.normal(0, 1, (n, len(w)))), not a few rows repeated or tiled.")
    _expect_independent_standard_columns(X)
    noise = y.reshape(-1) - (X @ w + b)
    if noise.abs().mean() > 1.0:
        fail(
            "y is far from X w + b (the mean distance is"
            f" {float(noise.abs().mean()):.3g}): compute y = X @ w + b, then add the noise."
        )
    if float(noise.std()) < 1e-6 < abs(float(noise.mean())):
        fail(
            f"every example got the same noise ({float(noise.mean()):.3g}): draw one value per"
            " example, e.g. torch.normal(0, 0.01, (n, 1)), not a single number."
        )
    std = float(noise.std())
    if not 0.008 < std < 0.012:
        hint = " Did you forget the noise?" if std < 1e-6 else ""
        fail(
            f"the noise y - (X w + b) should have standard deviation 0.01, but it has {std:.4g}."
            f"{hint} Draw it from N(0, 0.01^2), i.e. torch.normal(0, 0.01, ...)."
        )
    if abs(float(noise.mean())) > 0.003:
        fail(
            f"y - (X w + b) should have mean 0, but its mean is {float(noise.mean()):.4f}:"
            " is b added exactly once?"
        )
    _expect_noise_apart_from_X(X, noise)
    _expect_normal_tails(X, 1.0, "X")
    _expect_normal_tails(noise, 0.01, "the noise y - (X w + b)")
    return X, y


# The statistics below of n independent draws are each within a few times 1/sqrt(n) of their
# expected values (the sample mean of N(0, 1) has standard deviation 1/sqrt(n), its sample
# standard deviation about 1/sqrt(2n), and the sample correlation of two independent variables,
# one of them normal, about 1/sqrt(n)). The checks allow 8 of those standard deviations: an
# honest draw exceeds that about once in 10^15 (per statistic; a handful are taken), so it never
# fails, while the mistakes they catch are off by 1 (equal or copied columns, noise computed
# from X) or by far more than 8 / sqrt(n) (0.25 for the 1,000 rows of the smallest check).
_SIGMAS = 8


def _expect_independent_standard_columns(X: torch.Tensor) -> None:
    """Every column (feature) of X is N(0, 1) on its own, and no two are correlated: X of rank 1
    (one draw per example copied into every column, a red team's, session 31: 5/5) has the
    right mean, spread, tails and distinct rows, yet w cannot be recovered from it."""
    n, d = X.shape
    Xd = X.detach().double()
    means, stds = Xd.mean(0), Xd.std(0)
    for j in range(d):
        mean, std = float(means[j]), float(stds[j])
        # Written so that nan fails too.
        if not (abs(mean) <= _SIGMAS / math.sqrt(n) and abs(std - 1) <= _SIGMAS / math.sqrt(2 * n)):
            fail(f"column {j} of X (feature {j}) should be drawn from N(0, 1), but its mean is"
                 f" {mean:.3f} and its standard deviation {std:.3f}: draw every entry of X from"
                 " N(0, 1), torch.normal(0, 1, (n, len(w))) or torch.randn(n, len(w)).")
    if d < 2:
        return
    corr = torch.corrcoef(Xd.T)
    limit = _SIGMAS / math.sqrt(n)
    for j in range(d):
        for k in range(j + 1, d):
            r = float(corr[j, k])
            if not abs(r) <= limit:
                fail(
                    f"columns {j} and {k} of X (features {j} and {k}) have a sample correlation"
                    f" of {r:.3f}, where independent draws give 0 give or take"
                    f" {1 / math.sqrt(n):.2f} for {n:,} examples: every entry of X must be its"
                    " own draw from N(0, 1) (torch.normal(0, 1, (n, len(w)))), not one number"
                    " per example copied into every column, nor one column computed from"
                    " another. With correlated columns the data cannot tell the weights apart"
                    " (X^T X is singular when two columns are equal), so w cannot be recovered"
                    " from (X, y)."
                )


def _expect_noise_apart_from_X(X: torch.Tensor, noise: torch.Tensor) -> None:
    """The noise is drawn independently of X: uncorrelated with every column. Noise computed
    from X (0.01 * X[:, 0], a red team's, session 31: 5/5) has the right mean, standard deviation
    and tails, but then y = X (w + 0.01 e_0) + b exactly: a fit recovers other weights."""
    n, d = X.shape
    corr = torch.corrcoef(torch.cat([X.detach().double(), noise.detach().double()[:, None]],
                                    dim=1).T)[-1, :-1]  # fmt: skip
    limit = _SIGMAS / math.sqrt(n)
    for j in range(d):
        r = float(corr[j])
        if not abs(r) <= limit:
            fail(
                f"the noise y - (X w + b) has a correlation of {r:.3f} with column {j} of X,"
                f" where noise drawn independently of X gives 0 give or take"
                f" {1 / math.sqrt(n):.2f} for {n:,} examples: draw the noise on its own, one"
                " value per example from N(0, 0.01^2) (torch.normal(0, 0.01, (n, 1))), not"
                " computed from X. Noise made from X is part of the model: y is then exactly"
                " linear in X with other weights than w, and a fit recovers those."
            )


def _expect_normal_tails(sample: torch.Tensor, sigma: float, what: str) -> None:
    """A normal distribution puts 4.55% of its draws more than 2 sigma from its mean; uniform
    draws with the same standard deviation put none there (they end at 1.73 sigma). The bounds
    are 4.5 binomial standard deviations from 4.55%: an honest draw fails about once in 10^5."""
    n, p = sample.numel(), math.erfc(2 / math.sqrt(2))
    share = float((sample.abs() > 2 * sigma).double().mean())
    if abs(share - p) > 4.5 * math.sqrt(p * (1 - p) / n):
        fail(
            f"{what} has the right mean and standard deviation, but {100 * share:.2f}% of it"
            f" lies beyond 2 standard deviations ({2 * sigma:g}), where a normal distribution"
            f" puts {100 * p:.2f}%: draw it from the normal distribution (torch.normal,"
            " torch.randn), not another one with the same spread (torch.rand is uniform)."
        )


@points(2, "synthetic_data")
def test_synthetic_data_follows_the_model(student, reference):
    _expect_follows_the_model(student, TRUE_W, TRUE_B, 4000, seed=1)


def _expect_draws_apart(draws: dict) -> None:
    """Data drawn after other seeds (or later) are new draws, independent of the earlier ones: a
    red team's X and noise made of ONE random number each (normal quantiles of a lattice u + k c
    (mod 1) in a fixed shuffled order, session 32) passed every statistic of one draw."""
    names = list(draws)
    for i, first in enumerate(names):
        for second in names[i + 1:]:
            (Xa, ya), (Xb, yb) = draws[first], draws[second]
            noise_a = ya.reshape(-1) - Xa @ TRUE_W - TRUE_B
            noise_b = yb.reshape(-1) - Xb @ TRUE_W - TRUE_B
            for what, a, b in (("X", Xa, Xb), ("the noise", noise_a, noise_b)):
                if circular_unevenness(ranks(a) - ranks(b)) > 6:
                    fail(f"{what} drawn with {first} and {what} drawn with {second} are not"
                         " independent draws: the ranks of their entries differ by about the"
                         " same amount everywhere (modulo their number), as one pattern shifted"
                         " by a random offset does. Draw every entry anew from torch's"
                         " generator (torch.normal(0, 1, (n, len(w))), torch.normal(0, 0.01,"
                         " ...)), not a few random numbers spread by a formula.")


@points(1, "synthetic_data")
def test_synthetic_data_is_random_and_seeded(student, reference):
    X1, y1 = _synthetic(student, TRUE_W, TRUE_B, 50, seed=3)
    X2, y2 = _synthetic(student, TRUE_W, TRUE_B, 50, seed=3)
    X3, y3 = _synthetic(student, TRUE_W, TRUE_B, 50, seed=4)
    expect_shape(X1, (50, 2), "X")
    # Random data that is not the model's earns nothing here either (noise of std 0.01 stays
    # within 0.1 of X w + b: 10 standard deviations).
    if (expect_shape(y1, (50, 1), "y").reshape(-1) - (X1 @ TRUE_W + TRUE_B)).abs().max() > 0.1:
        fail("y is not X w + b plus noise of standard deviation 0.01: compute y = X @ w + b,"
             " then add torch.normal(0, 0.01, ...).")
    # The grader seeds NumPy too, so draws of np.random repeat here, but not after the
    # torch.manual_seed of a student's notebook: the same seed gives NumPy's numbers exactly.
    numpy_draws = torch.from_numpy(np.random.RandomState(3).standard_normal((50, 2)))
    gauss = random.Random(3).gauss
    python_draws = torch.tensor([[gauss(0, 1) for _ in range(2)] for _ in range(50)])
    for draws, how in ((numpy_draws, "NumPy (np.random.randn or np.random.normal)"),
                       (python_draws, "Python's random.gauss")):  # fmt: skip
        if torch.allclose(X1.double(), draws.double(), atol=1e-6):
            fail(
                f"X was drawn with {how}: torch.manual_seed does not seed it, so a seeded run"
                " gives other data every time. Draw with torch (torch.randn or torch.normal, in"
                " w's dtype) instead."
            )
    if not torch.equal(X1, X2):
        fail(
            "with the same torch.manual_seed, synthetic_data should return the same X: use"
            " torch's random functions, not Python's random module."
        )
    if torch.equal(X1, X3):
        fail("different seeds gave the same X: draw X at random from torch's own generator"
             " (torch.normal or torch.randn, with no generator= argument), and do not call"
             " torch.manual_seed inside synthetic_data, nor draw from a torch.Generator() seeded"
             " there (a fixed key, as a JAX port's PRNGKey(0)): the caller seeds.")
    # The next call, with no seed between (seed=None leaves torch's generator where the call
    # with seed 4 left it): the caller's sequence goes on, so new data. Code that reseeds
    # itself with the caller's last seed (torch.manual_seed(torch.initial_seed())) repeats X3.
    X4, y4 = _synthetic(student, TRUE_W, TRUE_B, 50, seed=None)
    if torch.equal(expect_shape(X4, (50, 2), "X"), X3):
        fail("two calls in a row, with no torch.manual_seed between them, gave the same X: each"
             " call must draw new data from torch's global generator, going on from where the"
             " caller's seed left it (torch.manual_seed once makes the whole run"
             " reproducible). Do not reseed inside synthetic_data: torch.manual_seed(...),"
             " even with torch.initial_seed(), restarts the sequence, so every dataset of a"
             " run is the same one.")  # fmt: skip
    # The noise too comes from torch's global generator: the same seed, the same y; another
    # seed, other noise; and not NumPy's or Python's numbers (unseeded by torch.manual_seed).
    noise1, noise3 = ((y.reshape(-1) - (X @ TRUE_W + TRUE_B)).double()
                      for X, y in ((X1, y1), (X3, expect_shape(y3, (50, 1), "y"))))  # fmt: skip
    numpy_noise = 0.01 * torch.from_numpy(np.random.RandomState(3).standard_normal(50))
    gauss = random.Random(3).gauss
    python_noise = torch.tensor([gauss(0, 0.01) for _ in range(50)], dtype=torch.float64)
    for draws, how in ((numpy_noise, "NumPy"), (python_noise, "Python's random module")):
        if (noise1 - draws).abs().max() < 2e-6:
            fail(f"the noise was drawn with {how}: torch.manual_seed does not seed it. Draw it"
                 " with torch too (torch.normal(0, 0.01, ...)).")
    if not torch.equal(y1, y2):
        fail("with the same torch.manual_seed, synthetic_data should return the same y: draw"
             " the noise with torch's random functions too.")
    if (noise1 - noise3).abs().max() < 2e-6:
        fail("different seeds gave the same noise: draw it from torch's global generator"
             " (torch.normal(0, 0.01, ...)), not from a generator of your own with a fixed seed.")
    _expect_draws_apart({"seed 3": (X1, y1), "seed 4": (X3, y3), "the call after": (X4, y4)})


# -- data_iter --------------------------------------------------------------------------------


def _batches(student, batch_size, n, d, seed, label_shape="column", dtypes=None):
    g = generator(100 + n)
    # Row i of features starts with i, so every batch tells which examples it holds.
    features = torch.cat(
        [torch.arange(n, dtype=torch.float32)[:, None], torch.randn(n, d - 1, generator=g)], 1
    )
    labels = 10 * features[:, :1] + 1 if label_shape == "column" else 10 * features[:, 0] + 1
    if dtypes:  # other dtypes for features and labels (float64 data, int64 class labels)
        features, labels = features.to(dtypes[0]), labels.to(dtypes[1])
    try:
        outcome = student.run("data_iter", batch_size, features, labels, seed=seed)
    except GradingFailure as failure:
        if "IndexError" not in failure.raised or "too many indices" not in str(failure):
            raise
        fail(f"{failure}\nA Python list of 0-d tensors (the items of a torch.randperm you"
             " iterated over) indexes one dimension per item, not one row per item. Index with"
             " one tensor of indices: perm[i:i + batch_size], or torch.tensor(a list of ints)"
             " (.tolist() turns the permutation into ints).")  # fmt: skip
    batches = outcome.value
    if not isinstance(batches, list):
        fail("data_iter(...) should be a generator (use yield) or return an iterable of batches.")
    if len(batches) > n:  # checked at once: 100,000 batches took the grader seconds per call
        fail(f"data_iter yielded {len(batches):,} batches for {n} examples: with batch_size"
             f" {batch_size} there are ceil(n / batch_size) batches, each of batch_size"
             " examples (the last may be shorter).")  # fmt: skip
    expect_unchanged(features, outcome.args[1], "features")
    expect_unchanged(labels, outcome.args[2], "labels")
    for i, batch in enumerate(batches):
        if not isinstance(batch, tuple | list) or len(batch) != 2:
            fail(f"batch {i} of data_iter should be a pair (X_batch, y_batch).")
        Xb, yb = batch
        for got, given, name in ((Xb, features, "X_batch"), (yb, labels, "y_batch")):
            if expect_tensor(got, f"{name} {i}").dtype != given.dtype:
                fail(f"{name} {i}: expected dtype {given.dtype} (the data's), got {got.dtype}:"
                     " yield features[idx] and labels[idx] as they are (indexing keeps the"
                     " dtype). torch.Tensor(...) or torch.tensor(... .tolist()) rebuild them as"
                     " float32.")  # fmt: skip
        if Xb.ndim != 2 or Xb.shape[1] != d:
            fail(f"X_batch {i} should have shape (batch, {d}), got {tuple(Xb.shape)}.")
        if yb.shape[0] != Xb.shape[0]:
            fail(f"batch {i}: X_batch has {Xb.shape[0]} rows but y_batch has {yb.shape[0]}.")
        if not torch.equal(yb.reshape(-1).double(), 10 * Xb[:, 0].double() + 1):
            fail(
                f"in batch {i}, the labels do not belong to the features (pick the same indices"
                " for both: features[idx], labels[idx])."
            )
        ids = Xb[:, 0]
        # Column 0 names the example; every other column must be that example's row too.
        known = (ids >= 0) & (ids < n) & (ids == ids.round())
        if not bool(known.all()) or not torch.equal(Xb, features[ids.long()]):
            fail(
                f"X_batch {i} holds rows that are not rows of features: each batch must be"
                " features[idx] for some indices idx, every column unchanged."
            )
        expected_label_shape = (Xb.shape[0], 1) if label_shape == "column" else (Xb.shape[0],)
        if tuple(yb.shape) != expected_label_shape:
            fail(
                f"y_batch {i} should have shape {expected_label_shape}, got {tuple(yb.shape)}:"
                " index labels with the batch indices and do not reshape them."
            )
    return [b[0][:, 0].long() for b in batches]


@points(2, "data_iter")
def test_data_iter_covers_every_example_once(student, reference):
    for batch_size, n in ((10, 100), (7, 50), (32, 20)):
        ids = _batches(student, batch_size, n, 3, seed=0)
        seen = torch.cat(ids) if ids else torch.zeros(0, dtype=torch.long)
        counts = torch.bincount(seen, minlength=n)
        missing = int((counts == 0).sum())
        repeated = int((counts > 1).sum())
        if missing or repeated or len(seen) != n:
            short = _one_short([len(i) for i in ids], batch_size)
            fail(
                f"with {n} examples and batch_size {batch_size}, every example should appear"
                f" exactly once per pass, but {missing} never appear and {repeated} appear more"
                " than once. Shuffle a list of all indices and slice it into batches."
                + (short or (f" Did you drop the last{', shorter' * bool(n % batch_size)} batch?"
                             if missing and not repeated else ""))
            )


def _one_short(sizes, batch_size):
    """The hint for batches one example short (a slice that ends one too early), or ''."""
    if batch_size > 1 and sizes and max(sizes) == batch_size - 1:
        return (f" Your batches hold at most {batch_size - 1} examples, one short: a slice"
                " indices[i:i + batch_size] already holds batch_size of them (the end is left"
                " out), so do not subtract 1 from its end.")
    return ""


@points(2, "data_iter")
def test_data_iter_batch_sizes_and_short_last_batch(student, reference):
    for batch_size, n in ((10, 100), (7, 50), (32, 20), (1, 3)):
        ids = _batches(student, batch_size, n, 2, seed=1)
        sizes = [len(i) for i in ids]
        full, rest = divmod(n, batch_size)
        want = [batch_size] * full + ([rest] if rest else [])
        if sizes != want:
            fail(
                f"with {n} examples and batch_size {batch_size} the batch sizes should be"
                f" {want}, got {sizes}.{_sizes_hint(sizes, batch_size, n)}"
            )


def _sizes_hint(sizes, batch_size, n):
    """The hint for batch sizes that are not ceil(n / batch_size) batches, the last shorter."""
    full, rest = divmod(n, batch_size)
    if sizes == [batch_size] * full and rest:
        return (f" The last batch of {rest} examples is missing: do not drop it"
                " (range(0, n, batch_size) and slicing keep it).")
    return _one_short(sizes, batch_size)


@points(2, "data_iter")
def test_data_iter_shuffles(student, reference):
    n = 60
    runs = [_batches(student, 10, n, 2, seed=s) for s in (0, 1, None)]
    orders = [torch.cat(ids) if ids else torch.zeros(0, dtype=torch.long) for ids in runs]
    # seed=None: the next epoch, torch's generator left where seed 1's call left it. A generator
    # of one's own seeded with torch.initial_seed() repeats that order (session 35: 8/8).
    if len(orders[1]) == n and torch.equal(orders[1], orders[2]):
        fail("two calls in a row, with no torch.manual_seed between them (two epochs of one"
             " training run), gave the same order: each call must draw a new order from the"
             " global generators, going on from where the caller's seed left them. Do not seed"
             " inside data_iter (torch.manual_seed, random.seed or a torch.Generator seeded with"
             " torch.initial_seed()): shuffle with random.shuffle(indices) or torch.randperm(n).")
    runs, orders = runs[:2], orders[:2]
    for ids, order in zip(runs, orders, strict=True):
        if len(order) != n:
            fail(f"data_iter should yield all {n} examples.")
        if torch.equal(order, torch.arange(n)):
            fail(
                "the examples come out in their original order: shuffle the indices (with"
                " random.shuffle or torch.randperm) before making batches."
            )
        # A shuffled pass of 60 examples practically never cuts into runs of neighbours.
        if all(int(b.max() - b.min()) == len(b) - 1 for b in ids):
            fail(
                "every batch holds neighbouring examples (e.g. examples 10 to 19): you shuffled"
                " the order of the batches, or the order inside each batch, but the batches"
                " always hold the same examples. Shuffle the list of all indices first, then"
                " cut it into batches."
            )
        # A rotation (a random first example, then the others in order) cuts batches that are
        # not runs of neighbours, yet keeps nearly every example beside its neighbour. In a
        # shuffled pass the number of places where examples i and i +- 1 are side by side is
        # about Poisson(2): 2 on average, n // 3 = 20 or more with probability below 1e-13.
        beside = int(((order[1:] - order[:-1]).abs() == 1).sum())
        if beside >= n // 3:
            fail(
                f"in {beside} of the {n - 1} places of a pass, an example comes right beside its"
                " neighbour (example i next to i + 1 or i - 1), where a shuffled order has"
                " about 2: your order is the original one shifted or reversed (e.g. a random"
                " starting point, then the examples in order), not a random permutation."
                " Shuffle the whole list of indices (random.shuffle(indices) or"
                " torch.randperm(n)), then cut it into batches."
            )
        # A fixed stride from a random start (i, i + k, i + 2k, ... modulo n, a red team's in
        # session 30) is the same in other steps: one step between most neighbours, where a
        # shuffled pass repeats its commonest step about 5 times.
        step = torch.bincount((order[1:] - order[:-1]) % n, minlength=n)
        if int(step.max()) >= n // 3:
            fail(
                f"in {int(step.max())} of the {n - 1} places of a pass, the next example is the"
                f" one {int(step.argmax())} further on (modulo {n}): your order walks the"
                " examples with a fixed step, not a random permutation. Shuffle the whole list"
                " of indices (random.shuffle(indices) or torch.randperm(n)), then cut it into"
                " batches."
            )
    if torch.equal(orders[0], orders[1]):
        fail(
            "two different random seeds gave the same order: draw a new random order on every"
            " call (do not fix a seed inside data_iter)."
        )
    # Two independent shuffles of n examples put about 2 of the same pairs side by side (each
    # of the n - 1 neighbouring pairs of one is a neighbouring pair of the other with chance
    # 2 / n: about Poisson(2), n // 3 = 20 or more with probability below 1e-13). One fixed order
    # started at a random place (a rotation of a cached shuffle, a red team's, session 31: 8/8)
    # keeps all but one of them.
    _expect_new_neighbours(orders[0], orders[1])
    _expect_order_apart_from_index(student)
    _expect_not_one_cycle(student)
    # One batch for the whole pass (batch_size n or more, full-batch gradient descent) is a
    # shuffled pass too: its examples come in a random order that changes from call to call.
    for batch_size in (20, 32):
        ids = _batches(student, batch_size, 20, 2, seed=3)
        if len(ids) == 1 and torch.equal(ids[0], torch.arange(20)):
            fail(
                f"with 20 examples and batch_size {batch_size}, the one batch holds the examples"
                " in their original order: the docstring asks for a random order that changes"
                " from call to call, with a single batch too. Do not yield features and labels"
                " themselves when batch_size >= n: shuffle the indices as for any batch size,"
                " then index features[idx], labels[idx]."
            )


def _neighbour_pairs(order: torch.Tensor) -> set:
    """The unordered pairs of examples that come side by side in ``order``."""
    items = order.tolist()
    return {(min(a, b), max(a, b)) for a, b in zip(items[:-1], items[1:], strict=True)}


def _expect_new_neighbours(first: torch.Tensor, second: torch.Tensor) -> None:
    n = len(first)
    shared = len(_neighbour_pairs(first) & _neighbour_pairs(second))
    if shared >= n // 3:
        fail(
            f"two calls (with different seeds) put the same examples side by side: {shared} of"
            f" the {n - 1} neighbouring pairs of the first call's order are neighbours in the"
            " second's too, where two independent shuffles share about 2. That is one fixed"
            " order started at different places (rotated) or cut differently, not a new"
            " random permutation per call. Shuffle all the indices anew on every call"
            " (random.shuffle(indices) or torch.randperm(n)), with no fixed seed and no order"
            " kept from an earlier call."
        )


def _expect_order_apart_from_index(student) -> None:
    """In a random permutation an example's place says nothing about its index: the (rank)
    correlation of place and index is 0 give or take 1 / sqrt(n - 1) (0.032 for n = 1,000). The
    limit, 8 of those, is 0.25: an honest shuffle exceeds it about once in 10^15. Shuffling only
    within windows of a few batches (a small shuffle buffer, a red team's, session 31: 8/8) keeps
    early examples early: a correlation near 1 (0.9996 for windows of 20)."""
    n, batch_size = 1000, 10
    ids = _batches(student, batch_size, n, 2, seed=5)
    order = torch.cat(ids).double() if ids else torch.zeros(0, dtype=torch.float64)
    if len(order) != n or not torch.equal(order.sort().values, torch.arange(n).double()):
        fail(f"with {n} examples and batch_size {batch_size}, data_iter should yield every"
             " example exactly once.")  # fmt: skip
    place = torch.arange(n, dtype=torch.float64)
    rho = float(torch.corrcoef(torch.stack([place, order]))[0, 1])
    limit = _SIGMAS / math.sqrt(n - 1)
    if not abs(rho) <= limit:
        fail(
            f"in a pass over {n:,} examples (batch_size {batch_size}), an example's place in the"
            f" order follows its index: their correlation is {rho:.2f}, where a random"
            f" permutation gives 0 give or take {1 / math.sqrt(n - 1):.2f}. Early examples still"
            " come early and late ones late: the indices were shuffled only within windows"
            " (a few batches at a time, a small shuffle buffer), not all together. Shuffle the"
            " list of all n indices at once (random.shuffle(indices) or torch.randperm(n)),"
            " then cut it into batches."
        )


def _expect_not_one_cycle(student) -> None:
    """A uniform shuffle of n examples is a single cycle (example 0 sent to some place, the
    example there to another, ..., all n before 0 comes back) with chance 1 / n: 1 in 1,000 here,
    so 5 passes that all are have chance 10^-15. A hand-written Fisher-Yates one off (j drawn
    from 0..i-1, Sattolo's algorithm, session 34) makes one cycle every time."""
    n, passes = 1000, 5
    for seed in range(10, 10 + passes):
        perm = torch.cat(_batches(student, 100, n, 2, seed=seed) or [torch.zeros(0)]).tolist()
        if sorted(perm) != list(range(n)):
            return  # not a permutation: the coverage tests say why
        place, length = perm[0], 1
        while place != 0 and length <= n:
            place, length = perm[place], length + 1
        if length != n:
            return
    fail(f"in each of {passes} passes over {n:,} examples, your order is one single cycle"
         " (following example 0 to its place, the example there to its place, and so on, visits"
         f" all {n:,} before coming back), where a uniform shuffle is one cycle once in {n:,}"
         " passes: no example ever stays in its place, and only (n - 1)! of the n! orders can"
         " come out. A hand-written Fisher-Yates shuffle that swaps position i with j drawn"
         " from 0..i-1 (random.randrange(i)) does that: draw j from 0..i (random.randint(0, i)),"
         " or use random.shuffle(indices) or torch.randperm(n).")  # fmt: skip


@points(1, "data_iter")
def test_data_iter_vector_labels(student, reference):
    # float64 features and int64 class labels (softmax regression's): a batch rebuilt as
    # float32 (torch.Tensor(... .tolist())) kept every point on float32 data (session 34).
    ids = _batches(student, 4, 10, 2, seed=2, label_shape="vector",
                   dtypes=(torch.float64, torch.int64))
    seen = torch.cat(ids).sort().values if ids else torch.zeros(0, dtype=torch.long)
    if not torch.equal(seen, torch.arange(10)):  # every example, each once (not a count)
        fail("with labels of shape (n,), data_iter should still yield every example once."
             + _sizes_hint([len(i) for i in ids], 4, 10))


# A torch.autograd.Function of one's own whose backward forgets grad_output is right only
# under .sum() (an upstream of ones): the gradient checks weight the outputs at random.
_CHAIN_RULE = (
    "The gradient reaching each input must be the upstream gradient (grad_output, here G)"
    " carried back through the function (the chain rule). A torch.autograd.Function whose"
    " backward ignores grad_output is right only when the outputs are summed, and wrong under"
    " any loss; build the function from torch operations and let autograd do it."
)


# -- linreg -----------------------------------------------------------------------------------


def _run_linreg(student, X, w, b, **options):
    """student.run("linreg", ...); a size error of w * X is told about the matrix product."""
    try:
        return student.run("linreg", X, w, b, **options)
    except GradingFailure as failure:
        if "RuntimeError" not in failure.raised or "must match the size" not in str(failure):
            raise
        fail(f"{failure}\nw * X multiplies entry by entry (the one-feature model w * x + b):"
             " with d features the model is the matrix product X @ w of X (n, d) and w (d, 1),"
             " which has shape (n, 1), then + b.")


@points(2, "linreg")
def test_linreg_values(student, reference):
    # d = 1, one feature (a bias dropped for it kept every point, session 37)
    cases = ((0, (10, 2), (1,)), (1, (1, 5), ()), (2, (64, 3), (1,)), (3, (6, 1), (1,)))
    for seed, (n, d), b_shape in cases:
        g = generator(seed)
        X, w = torch.randn(n, d, generator=g), torch.randn(d, 1, generator=g)
        b = torch.randn(b_shape, generator=g)
        outcome = _run_linreg(student, X, w, b)
        expect_shape(outcome.value, (n, 1), f"linreg(X, w, b) for X of shape ({n}, {d})")
        expect_close(
            outcome.value,
            reference.linreg(X, w, b),
            f"linreg(X, w, b) for X of shape ({n}, {d})",
            hint="The model is X @ w + b (matrix product, then add the bias).",
        )
        for i, (before, name) in enumerate(((X, "X"), (w, "w"), (b, "b"))):
            expect_unchanged(before, outcome.args[i], name)
    # float64 inputs: float64 predictions, every digit (a float32 detour kept every point,
    # session 34).
    X, w, b = (seeded_randn(7 + i, s, dtype=torch.float64)
               for i, s in enumerate(((6, 2), (2, 1), (1,))))  # fmt: skip
    expect_close(student.run("linreg", X, w, b).value, reference.linreg(X, w, b),
                 "linreg(X, w, b) for float64 X, w and b", hint="Keep the inputs' dtype and"
                 " compute X @ w + b as it is: no .float() or torch.tensor(...) of them.")


@points(1, "linreg")
def test_linreg_gradients(student, reference):
    g = generator(5)
    X, w, b = (
        torch.randn(8, 3, generator=g),
        torch.randn(3, 1, generator=g),
        torch.randn(1, generator=g),
    )
    G = torch.randn(8, 1, generator=g)  # the upstream gradient: not ones (_CHAIN_RULE)
    outcome = _run_linreg(student, X, w, b, grad=G)
    got = expect_shape(outcome.value, (8, 1), "linreg(X, w, b)")
    Xr, wr, br = (t.clone().requires_grad_(True) for t in (X, w, b))
    want = torch.autograd.grad((reference.linreg(Xr, wr, br) * G).sum(), [Xr, wr, br])
    for grad, expected, name in zip(outcome.grads, want, ("X", "w", "b"), strict=True):
        if grad is None:
            fail(
                f"no gradient flows from linreg's output to {name}: use torch operations on the"
                " tensors themselves (no .detach(), .item(), .numpy() or torch.tensor(...))."
                + NO_GRAD
            )
        expect_close(grad, expected, f"the gradient of (linreg(X, w, b) * G).sum() with"
                     f" respect to {name}, for random weights G", hint=_CHAIN_RULE)
    expect_close(got, reference.linreg(X, w, b), "linreg(X, w, b)")  # not only its slopes


# -- squared_loss -----------------------------------------------------------------------------


def _check_loss(student, reference, y_hat, y, what):
    outcome = student.run("squared_loss", y_hat, y)
    value = expect_tensor(outcome.value, what)
    n = y_hat.shape[0]
    if value.ndim == 0 or value.numel() == 1 and n > 1:
        fail(
            f"{what} should hold one loss per example, shape ({n}, 1), but it is a single number:"
            " do not average (.mean()) or sum the losses."
        )
    if tuple(value.shape) == (n, n) and n > 1:
        fail(
            f"{what}: expected shape ({n}, 1), got ({n}, {n}). y has shape"
            f" {tuple(y.shape)}; subtracting it from y_hat of shape ({n}, 1) broadcasts to an"
            " (n, n) matrix. Reshape y first: y.reshape(y_hat.shape)."
        )
    want = reference.squared_loss(y_hat, y)
    expect_shape(value, want.shape, what)
    ratio = (value / want)[want.abs() > 1e-6]
    if ratio.numel() and torch.allclose(ratio, torch.full_like(ratio, 2.0), rtol=1e-3):
        fail(f"{what}: the loss is off by a factor of 2: did you forget the 1/2?")
    if ratio.numel() and torch.allclose(ratio, torch.full_like(ratio, 2.0 / n), rtol=1e-3):
        fail(f"{what}: the losses are divided by n: return the loss of each example, not the mean.")
    expect_close(value, want, what, hint="Each entry should be (y_hat - y)^2 / 2.")
    expect_unchanged(y_hat, outcome.args[0], "y_hat")
    expect_unchanged(y, outcome.args[1], "y")


@points(2, "squared_loss")
def test_squared_loss_values(student, reference):
    for seed, n in ((0, 10), (1, 1), (2, 33)):
        g = generator(seed)
        y_hat, y = torch.randn(n, 1, generator=g), torch.randn(n, 1, generator=g)
        _check_loss(student, reference, y_hat, y, f"squared_loss for {n} examples")
    # float64 predictions: float64 losses, every digit (a float32 detour kept every point).
    y_hat, y = (seeded_randn(seed, (6, 1), dtype=torch.float64) for seed in (7, 8))
    _check_loss(student, reference, y_hat, y, "squared_loss for float64 y_hat and y")


@points(2, "squared_loss")
def test_squared_loss_reshapes_y(student, reference):
    for seed, n in ((3, 10), (4, 7)):
        g = generator(seed)
        y_hat, y = torch.randn(n, 1, generator=g), torch.randn(n, generator=g)
        _check_loss(
            student,
            reference,
            y_hat,
            y,
            f"squared_loss(y_hat of shape ({n}, 1), y of shape ({n},))",
        )


@points(1, "squared_loss")
def test_squared_loss_gradient(student, reference):
    g = generator(6)
    y_hat, y = torch.randn(5, 1, generator=g), torch.randn(5, 1, generator=g)
    G = torch.randn(5, 1, generator=g)  # the upstream gradient: not ones (_CHAIN_RULE)
    outcome = student.run("squared_loss", y_hat, y, grad=G)
    got = expect_shape(outcome.value, (5, 1), "squared_loss(y_hat, y)")
    if outcome.grads[0] is None:
        fail("no gradient flows from the loss to y_hat: compute it with tensor operations."
             + NO_GRAD)
    hint = "It should be G * (y_hat - y) (the 1/2 cancels the 2)."
    if type(outcome.grads[0]) is torch.Tensor and all_close(outcome.grads[0], y_hat - y):
        hint += " " + _CHAIN_RULE  # the gradient of the sum: grad_output left out
    expect_close(
        outcome.grads[0],
        G * (y_hat - y),
        "the gradient of (squared_loss(y_hat, y) * G).sum() with respect to y_hat,"
        " for random weights G",
        hint=hint,
    )
    # And the loss itself: (y_hat - y) ** 2 / 2 + 5 has this gradient too.
    expect_close(got, reference.squared_loss(y_hat, y), "squared_loss(y_hat, y)")


# -- sgd --------------------------------------------------------------------------------------


def _sgd_case(seed, shapes):
    g = generator(seed)
    return [(torch.randn(s, generator=g), torch.randn(s, generator=g)) for s in shapes]


def _run_sgd(student, case, lr, batch_size):
    """sgd on leaves holding ``case``'s gradients; a RuntimeError (autograd refusing
    ``p -= ...`` on a leaf that requires grad) fails with the likely cause added."""
    try:
        return student.run("sgd", [with_grad(p, g) for p, g in case], lr, batch_size)
    except GradingFailure as failure:
        if "AttributeError" in failure.raised and "'NoneType'" in str(failure):
            fail(f"{failure}\nA tensor made by param = param - ... has no .grad (it is not the"
                 " caller's parameter, and the name now only points to it locally): update the"
                 " parameter itself in place, param -= ..., inside `with torch.no_grad():`.")
        if "RuntimeError" not in failure.raised:
            raise
        fail(f"{failure}\nIf autograd refused an in-place operation on a leaf that requires"
             " grad, the update ran with autograd on: put it inside `with torch.no_grad():`.")


def _check_sgd_step(student, seed, shapes, lr, batch_size):
    case = _sgd_case(seed, shapes)
    outcome = _run_sgd(student, case, lr, batch_size)
    if outcome.value is not None:
        fail("sgd should update the parameters in place and return None.")
    got_params = outcome.args[0]
    for i, (p, g) in enumerate(case):
        want = p - lr * g / batch_size
        got = expect_shape(got_params[i], p.shape, f"params[{i}] after sgd")
        grads = outcome.arg_grads[0] if isinstance(outcome.arg_grads, list) else None
        grad = grads[i] if isinstance(grads, list) and len(grads) == len(case) else None
        if torch.equal(got, p) and isinstance(grad, torch.Tensor) and not grad.any():
            fail(
                f"params[{i}] did not change, though its .grad was zeroed. Either the gradient"
                " was zeroed before the update used it (update first, param -= lr * param.grad"
                " / batch_size, then param.grad.zero_()), or the new values went elsewhere:"
                " param = param - ... only rebinds a local name, and params[i] = ... only"
                " replaces the list's item, not the caller's tensor."
            )
        if torch.equal(got, p) and i > 0 and not torch.equal(got_params[0], case[0][0]):
            fail(f"params[0] changed but params[{i}] did not: update every tensor of the list,"
                 " however many it holds (an MLP's has four: W1, b1, W2, b2), not a fixed"
                 " number of them.")
        if torch.equal(got, p):
            fail(
                f"params[{i}] did not change: update it in place (param -= ...), inside"
                " torch.no_grad(); param = param - ... only rebinds a local name, and"
                " params[i] = ... only replaces the list's item, not the caller's tensor."
            )
        step, want_step = got - p, want - p
        if batch_size > 1 and torch.allclose(step, want_step * batch_size, rtol=1e-4, atol=1e-6):
            fail(
                f"params[{i}] moved {batch_size} times too far: did you forget to divide by"
                " batch_size? The gradient is summed over the minibatch."
            )
        if torch.allclose(step, -want_step, rtol=1e-4, atol=1e-6):
            fail(f"params[{i}] moved uphill: subtract lr * grad / batch_size, do not add it.")
        expect_close(
            got,
            want,
            f"params[{i}] after sgd(params, lr={lr}, batch_size={batch_size})",
            hint="The update is p <- p - lr * p.grad / batch_size.",
        )


@points(3, "sgd")
def test_sgd_updates_in_place(student, reference):
    for seed, shapes, lr, batch_size in (
        (0, [(2, 1), (1,)], 0.03, 10),
        (1, [(5, 3)], 0.5, 4),
        (2, [(3, 1), (1,)], 0.1, 1),
        (4, [(3, 4), (4,), (4, 2), (2,)], 0.2, 8),  # an MLP's W1, b1, W2, b2: not only w, b
    ):
        _check_sgd_step(student, seed, shapes, lr, batch_size)


@points(1, "sgd")
def test_sgd_zeroes_gradients(student, reference):
    case = _sgd_case(3, [(2, 1), (1,)])
    outcome = _run_sgd(student, case, 0.03, 10)
    grads = outcome.arg_grads[0] if outcome.arg_grads else None
    if not isinstance(grads, list) or len(grads) != len(case):
        fail("sgd changed the list of parameters: update the tensors in it, keep the list.")
    for i, grad in enumerate(grads):
        if grad is not None and bool((grad != 0).any()):
            fail(
                f"params[{i}].grad is not zero after sgd: call param.grad.zero_() after the"
                " update, otherwise the next backward pass adds to the old gradient."
            )


# -- closed_form ------------------------------------------------------------------------------


def _check_closed_form(student, reference, X, y, what):
    outcome = student.run("closed_form", X, y)
    result = outcome.value
    if not isinstance(result, tuple | list) or len(result) != 2:
        fail(f"{what} should return a tuple (w, b).")
    w, b = result
    d = X.shape[1]
    expect_shape(w, (d, 1), f"w from {what}")
    b = expect_tensor(b, f"b from {what}")
    if b.numel() != 1:
        fail(f"b from {what} should be a single number (a 0-d tensor), got shape {tuple(b.shape)}.")
    if b.ndim != 0:
        fail(
            f"b from {what} should be a 0-d tensor (shape ()), got shape {tuple(b.shape)}: take"
            " theta[-1, 0] or use .reshape(())."
        )
    want_w, want_b = reference.closed_form(X, y)
    if abs(float(b)) < 1e-7 and abs(float(want_b)) > 1e-3:
        fail(
            f"{what}: b is 0, but the data has a bias of about {float(want_b):.3f}: append a"
            " column of ones to X so that the bias is fitted as one more weight."
        )
    expect_dtype(w, X.dtype, f"w from {what}")
    expect_dtype(b, X.dtype, f"b from {what}")
    theta = torch.cat([w.reshape(-1), b.reshape(1)])
    if torch.allclose(theta, torch.cat([want_b.reshape(1), want_w.reshape(-1)]), 1e-3, 1e-4):
        fail(
            f"{what}: your w and b hold the right numbers one place off: (w, b) read as theta[:-1]"
            " and theta[-1] from a theta that starts with the bias. Read the bias from the"
            " position of the column of ones: first column, theta[0]; last column, theta[-1]."
        )
    # float32 data: 1e-3 and 1e-4 (float32 methods differ by about 1e-6 here). float64 data
    # (these tests': Gaussian X, cond([X, 1]) about 1.6): lstsq's four drivers, NumPy's lstsq,
    # pinv, QR, centring, and solving, inverting or factoring X1^T X1 all agree with the
    # reference within 6e-15 (session 31), so expect_close's float64 defaults hold them (rtol
    # 1e-9, atol 1e-11: 5e-11 or more here, 10^4 times that). A float32 solve cast back is 1e-7
    # off (a red team's, session 31, passed the old 1e-3).
    tolerances = float32_tolerances(want_w, rtol=1e-3, atol=1e-4)
    want_theta = torch.cat([want_w.reshape(-1), want_b.reshape(1)])
    near = all_close(theta, want_theta, rtol=1e-3, atol=1e-4)
    if X.dtype == torch.float64 and near and not all_close(theta, want_theta):
        off = float((theta - want_theta).abs().max())
        fail(
            f"{what}: (w, b) is off by up to {off:.2g} from the least-squares solution, which"
            " float64 arithmetic finds to about 1e-15 on these well-conditioned data (lstsq, QR,"
            " pinv or the normal equations alike): part of your computation ran in float32"
            " arithmetic (about 7 digits), then was cast back. Keep every step in X's dtype,"
            " float64 here: no .float() or .to(torch.float32) of X, y or [X, 1], and solve"
            " with the float64 tensors themselves."
        )
    expect_close(
        w,
        want_w,
        f"w from {what}",
        hint="Solve [X, 1] theta = y in the least-squares sense; w is theta[:-1].",
        **tolerances,
    )
    expect_close(
        b,
        want_b,
        f"b from {what}",
        hint="b is the last entry of theta (the weight of the column of ones).",
        **tolerances,
    )
    expect_unchanged(X, outcome.args[0], "X")
    expect_unchanged(y, outcome.args[1], "y")


@points(2, "closed_form")
def test_closed_form_recovers_the_parameters(student, reference):
    # d = 1: a line through points (w off for one feature kept every point, session 37)
    for seed, n, d in ((0, 200, 2), (1, 50, 5), (3, 30, 1)):
        X, y, _, _ = _regression(seed, n, d)
        _check_closed_form(
            student, reference, X, y, f"closed_form on {n} examples with {d} feature"
            + "s" * (d > 1)
        )


@points(1, "closed_form")
def test_closed_form_vector_labels_and_float64(student, reference):
    X, y, _, _ = _regression(2, 40, 3, dtype=torch.float64)
    _check_closed_form(
        student, reference, X, y.reshape(-1), "closed_form with y of shape (n,) in float64"
    )


@points(1, "closed_form")
def test_closed_form_keeps_its_digits_far_from_zero(student, reference):
    # Features around 100: [X, 1] has a condition number near 2e4, X1^T X1 near 6e8, beyond
    # float32's 7 digits. lstsq on X1 (or QR, pinv, centring first) lands within 1e-4 of the
    # exact solution here; inverting, solving or factoring X1^T X1 misses it by 0.5 or more.
    X, y, _, _ = _regression(2, 100, 2)
    X = X + 100
    what = "closed_form on float32 features around 100 (2 features, 100 examples)"
    result = student.run("closed_form", X.clone(), y.clone()).value
    if not isinstance(result, tuple | list) or len(result) != 2:
        fail(f"{what} should return a tuple (w, b).")
    w = expect_shape(result[0], (2, 1), f"w from {what}")
    b = expect_tensor(result[1], f"b from {what}")
    X1 = torch.cat([X, torch.ones(len(X), 1)], dim=1).double()
    exact = torch.linalg.lstsq(X1, y.double()).solution.reshape(-1)
    got = torch.cat([w.reshape(-1), b.reshape(-1)]).double()
    if got.shape == exact.shape and torch.isfinite(got).all():
        off = float((got - exact).abs().max())
        if off <= 1e-3:
            return
        cond = float(torch.linalg.cond(X1))
        fail(
            f"{what}: (w, b) is off by up to {off:.2g} from the exact least-squares solution"
            " (lstsq on [X, 1] is within 1e-4 of it). Forming X1^T X1, to invert it or to solve"
            f" or factor it, squares the condition number of X1 (about {round(cond, -3):,.0f} here,"
            f" so about {round(cond**2, -7):,.0f}),"
            " and float32 keeps only about 7 digits. Call torch.linalg.lstsq(X1, y) on X1"
            " itself."
        )
    expect_close(got, exact, f"(w, b) from {what}", atol=1e-3, rtol=0)


# -- hidden tests (instructor grading only: left out of the student edition) --------------------


@points(1, "synthetic_data", hidden=True)
def test_hidden_synthetic_data_three_features_float64(student, reference):
    # The public model check uses two float32 features; the same statistics hold for any w.
    w = torch.tensor([0.5, -1.2, 2.5], dtype=torch.float64)
    _expect_follows_the_model(student, w, -0.7, 3000, seed=9000)


@points(1, "data_iter", hidden=True)
def test_hidden_data_iter_45_examples_in_batches_of_6(student, reference):
    # 6 does not divide 45, as in the public tests; the same coverage, size and shuffle checks.
    runs = [_batches(student, 6, 45, 4, seed=s) for s in (9002, 9003)]
    for ids in runs:
        if [len(i) for i in ids] != [6] * 7 + [3]:
            fail(f"45 examples in batches of 6: batch sizes {[len(i) for i in ids]}, not"
                 f" {[6] * 7 + [3]}.{_sizes_hint([len(i) for i in ids], 6, 45)}")
        if not torch.equal(torch.cat(ids).sort().values, torch.arange(45)):
            fail("45 examples in batches of 6: not every example exactly once.")
        if all(int(b.max() - b.min()) == len(b) - 1 for b in ids):
            fail("45 examples in batches of 6: every batch holds neighbouring examples.")
    if torch.equal(torch.cat(runs[0]), torch.cat(runs[1])):
        fail("45 examples in batches of 6: two seeds gave the same order.")


@points(1, "linreg", hidden=True)
def test_hidden_linreg_other_shapes(student, reference):
    g = generator(9004)
    X, w = torch.randn(12, 4, generator=g), torch.randn(4, 1, generator=g)
    b = torch.randn((), generator=g)
    outcome = _run_linreg(student, X, w, b)
    expect_close(outcome.value, reference.linreg(X, w, b), "linreg for X of shape (12, 4)")


@points(1, "squared_loss", hidden=True)
def test_hidden_squared_loss_17_examples(student, reference):
    g = generator(9005)
    y_hat, y = torch.randn(17, 1, generator=g), torch.randn(17, generator=g)
    _check_loss(student, reference, y_hat, y, "squared_loss for 17 examples, y of shape (17,)")


@points(1, "sgd", hidden=True)
def test_hidden_sgd_other_lr_and_batch_size(student, reference):
    _check_sgd_step(student, 9006, [(4, 2), (2,)], lr=0.2, batch_size=3)


@points(1, "closed_form", hidden=True)
def test_hidden_closed_form_other_data(student, reference):
    # The public tests' checks and tolerances: a hidden test must not ask for more.
    X, y, _, _ = _regression(9001, 30, 3, dtype=torch.float64)
    _check_closed_form(student, reference, X, y, "closed_form on 30 examples with 3 features")
