"""Grading tests for exercises/mlp.py."""

import math

import torch

from coursekit.grading import (
    NO_GRAD,
    GradingFailure,
    circular_unevenness,
    expect_close,
    expect_dtype,
    expect_raises,
    expect_shape,
    expect_unchanged,
    fail,
    points,
    ranks,
    run_grad_or_numpy,
    seeded_labels,
    seeded_randn,
    shape_str,
    with_grad,
)

# The backward functions compute gradients by hand: no autograd (the module's docstring).
BY_HAND = dict.fromkeys(
    ("linear_backward", "relu_backward", "mlp_backward"),
    # grad_fn: calling autograd's node directly; functorch: torch.func's former name; ops:
    # autograd's own derivative kernels (torch.ops.aten.threshold_backward is relu's)
    ("backward", "autograd", "func", "grad_fn", "functorch", "_functorch", "ops",
     # forward-mode autograd under the names torch._VF and torch._C give it
     "_make_dual", "_unpack_dual", "_enter_dual_level", "forward_ad"),
)

# (n, d, h, q): a single example, a square layer, a wide hidden layer, images' width.
SIZES = [(1, 3, 4, 2), (5, 6, 6, 3), (8, 10, 32, 4), (4, 784, 16, 10)]


def _params(seed, d, h, q, dtype=torch.float32):
    return (seeded_randn(seed, (d, h), 0.5, dtype), seeded_randn(seed + 1, (h,), 0.5, dtype),
            seeded_randn(seed + 2, (h, q), 0.5, dtype), seeded_randn(seed + 3, (q,), 0.5, dtype))


# --- mlp_forward -----------------------------------------------------------------------------


def _forward_hint(got, X, W1, b1, W2, b2) -> str | None:
    if torch.allclose(got, (X @ W1 + b1) @ W2 + b2, atol=1e-5):
        return "There is no ReLU: the hidden layer must be relu(X W1 + b1) before W2."
    if torch.allclose(got, torch.relu(torch.relu(X @ W1 + b1) @ W2 + b2), atol=1e-5):
        return "You applied ReLU to the logits too: the output layer has no activation."
    if torch.allclose(got, torch.relu(X @ W1 + b1) @ W2, atol=1e-5):
        return "The output bias b2 is missing."
    if torch.allclose(got, torch.relu(X @ W1) @ W2 + b2, atol=1e-5):
        return "The hidden bias b1 is missing: relu(X W1 + b1)."
    logits = torch.relu(X @ W1 + b1) @ W2 + b2
    if torch.allclose(got, torch.softmax(logits, dim=1), atol=1e-5):
        return ("You returned softmax probabilities: mlp_forward returns the logits,"
                " relu(X W1 + b1) W2 + b2 (the loss applies the softmax).")
    if torch.allclose(got, torch.sigmoid(X @ W1 + b1) @ W2 + b2, atol=1e-5):
        return "The hidden layer uses a sigmoid: this MLP uses ReLU, relu(X W1 + b1)."
    return None


_FLATTEN = ("Flatten each example into one row whose length comes from X itself:"
            " X.reshape(X.shape[0], -1), whatever the shape of an example (not a fixed 784).")


def _run_forward(student, X, params, **options):
    """``student.run("mlp_forward", ...)``; a shape error (images not flattened, or flattened
    to a fixed 784 features) says how to flatten, a dtype error how to keep X's, before its own
    words."""
    try:
        return student.run("mlp_forward", X.clone(), *params, **options)
    except GradingFailure as exc:
        first, _, rest = str(exc).partition("\n")
        # what was raised, not the call's arguments, which all read "a tensor of shape ..."
        said = first.partition(" raised ")[2]
        unpacked = X.ndim > 2 and "ValueError" in exc.raised and "to unpack" in said
        if "RuntimeError" in exc.raised and ("dtype" in said or "scalar type" in said):
            fail(f"{first}\nKeep the dtype of the inputs ({str(X.dtype)[6:]} here): do not cast X"
                 " (.float(), .double()) or make tensors of another dtype; the docstring returns"
                 f" the logits in the dtype of the inputs.\n{rest}".rstrip())
        if not unpacked and ("RuntimeError" not in exc.raised or "shape" not in said):
            raise  # (unpacked: `n, d = X.shape` on images, in EECS 498's code)
        fail(f"{first}\n{_FLATTEN}\n{rest}".rstrip())


@points(3, "mlp_forward")
def test_mlp_forward_values(student, reference):
    for seed, (n, d, h, q) in enumerate(SIZES):
        X = seeded_randn(10 * seed, (n, d))
        params = _params(10 * seed + 1, d, h, q)
        what = f"mlp_forward for X of shape {(n, d)} and {h} hidden units"
        outcome = _run_forward(student, X, params)
        got = expect_shape(outcome.value, (n, q), what)
        expect_dtype(got, X.dtype, what)
        # the parameters too: a b1.unsqueeze_(0) made to broadcast met torch's own words alone
        for before, after, name in zip((X, *params), outcome.args, ("X", "W1", "b1", "W2", "b2"),
                                       strict=True):  # fmt: skip
            expect_unchanged(before, after, f"the input {name} of mlp_forward")
        expect_close(got, reference.mlp_forward(X, *params), what,
                     hint=_forward_hint(got, X, *params))  # fmt: skip
    # Under torch.no_grad() too, as an evaluation loop calls it: a forward pass chosen by the
    # grad mode kept every point (session 36).
    what += " under torch.no_grad()"
    got = expect_shape(_run_forward(student, X, params, no_grad=True).value, (n, q), what)
    expect_close(got, reference.mlp_forward(X, *params), what,
                 hint="The same inputs passed with autograd on. torch.no_grad() (an evaluation"
                      " loop's) only stops autograd from recording: the logits must not change"
                      " with it (do not test torch.is_grad_enabled() or X.requires_grad).")


@points(1, "mlp_forward")
def test_mlp_forward_flattens_images_and_keeps_dtype(student, reference):
    X = seeded_randn(50, (3, 1, 28, 28), dtype=torch.float64)
    params = _params(51, 784, 8, 10, torch.float64)
    what = "mlp_forward for a float64 batch of images of shape (3, 1, 28, 28)"
    outcome = _run_forward(student, X, params)
    got = expect_shape(outcome.value, (3, 10), what)
    expect_dtype(got, torch.float64, what)
    # "Do not modify the inputs": flattening in place (X.resize_, X.squeeze_) reshapes the
    # caller's images.
    if outcome.args[0].shape != X.shape:
        fail(f"{what} changed the shape of the caller's X to"
             f" {shape_str(outcome.args[0].shape)}: the docstring says not to modify the"
             " inputs. Flatten into a new tensor, X.reshape(X.shape[0], -1), not in place"
             " (X.resize_, or another method whose name ends in _).")
    expect_unchanged(X, outcome.args[0], "the input X of mlp_forward")
    # The hints of a wrong layer, on the flattened images; a flattening in another order
    # (the images transposed) is the mistake left that this test alone shows.
    hint = _forward_hint(got, X.reshape(3, -1), *params) or (
        _FLATTEN if torch.allclose(got, reference.mlp_forward(X.transpose(2, 3), *params))
        else None)  # fmt: skip
    expect_close(got, reference.mlp_forward(X, *params), what, hint=hint)
    # Any (n, ...), not only images; colour images (n, 3, H, W) too: flattening only the last
    # two dimensions, H W, is right for one channel alone (it kept 6/6 while none had three).
    for seed, shape in ((52, (4, 2, 3)), (54, (2, 3, 4, 5))):
        X, params = seeded_randn(seed, shape), _params(seed + 1, math.prod(shape[1:]), 5, 3)
        what = f"mlp_forward for X of shape {shape}"
        expect_close(expect_shape(_run_forward(student, X, params).value, (shape[0], 3), what),
                     reference.mlp_forward(X, *params), what)  # fmt: skip


@points(1, "mlp_forward")
def test_mlp_forward_is_differentiable(student, reference):
    params = _params(61, 5, 6, 3, torch.float64)
    # Weights G, not ones: a torch.autograd.Function whose backward ignores grad_output is
    # right under .sum() only.
    G = seeded_randn(62, (4, 3), dtype=torch.float64)
    # Examples of shape (1, 5) too, flattened: "every argument" is X whatever its shape (a
    # flattening through .tolist() or NumPy for images alone kept 6/6 while X was 2-d here).
    for X in (seeded_randn(60, (4, 5), dtype=torch.float64),
              seeded_randn(63, (4, 1, 5), dtype=torch.float64)):  # fmt: skip
        shape = f" for X of shape {shape_str(X.shape)}"
        outcome = _run_forward(student, X, params, grad=G)
        expect_close(expect_shape(outcome.value, (4, 3), "mlp_forward(X, W1, b1, W2, b2)"),
                     reference.mlp_forward(X, *params), "mlp_forward(X, W1, b1, W2, b2)" + shape)
        if outcome.grads is None or any(g is None for g in outcome.grads):
            missing = [n for n, g in zip(("X", "W1", "b1", "W2", "b2"), outcome.grads or [None] * 5,
                                         strict=True) if g is None]  # fmt: skip
            fail(f"No gradient flows back to {', '.join(missing)}{shape}: use torch operations"
                 " only (X.reshape(X.shape[0], -1) to flatten)." + NO_GRAD)
        leaves = [t.clone().requires_grad_(True) for t in (X, *params)]
        (reference.mlp_forward(*leaves) * G).sum().backward()
        names = ["X", "W1", "b1", "W2", "b2"]
        for name, got, leaf in zip(names, outcome.grads, leaves, strict=True):
            expect_close(got, leaf.grad, f"the gradient of (mlp_forward(...) * G).sum() w.r.t."
                         f" {name}, for random weights G{shape}", hint="The gradient must carry"
                         " the upstream gradient back (the chain rule): a torch.autograd.Function"
                         " whose backward ignores grad_output is right only when the logits are"
                         " summed, wrong under the loss you train with.")  # fmt: skip


# --- linear_backward -------------------------------------------------------------------------


def _linear_hint(got, X, W, dY) -> str | None:
    dX, dW, db = got
    square = W.shape[0] == W.shape[1]  # there a transposed dW has W's shape: look at values
    if dW.shape == (W.shape[1], W.shape[0]) and (not square or torch.allclose(dW, dY.T @ X)):
        return "dW is transposed: it must have W's shape (d, m), which X^T dY has."
    if square and dX.shape == X.shape and torch.allclose(dX, dY @ W, atol=1e-6):
        return "dX is dY W: it is dY W^T, the transpose of W (shape (m, d)) on the right."
    if X.shape[0] > 1 and db.shape == (W.shape[1],) and torch.allclose(db, dY.mean(0)):
        return "db is the mean of dY over the examples: the bias gets their SUM, dY.sum(dim=0)."
    if db.shape == (1, dY.shape[1]):
        return "db has shape (1, m): sum without keepdim (dY.sum(dim=0)) to get shape (m,)."
    if db.shape == (X.shape[0],):
        return "db sums over the wrong dimension: sum dY over the examples (dim 0)."
    if db.shape == dY.shape:
        return "db must be summed over the examples: the bias is shared by every row."
    if X.shape[0] > 1 and dW.shape == W.shape and torch.allclose(dW, X.T @ dY / X.shape[0],
                                                                  atol=1e-6):
        return "dW is divided by n: dY already holds the 1/n of a mean loss, if there is one."
    return None


@points(3, "linear_backward")
def test_linear_backward_values(student, reference):
    for seed, (n, d, m, _) in enumerate(SIZES):
        X, W, dY = seeded_randn(seed, (n, d)), seeded_randn(seed + 20, (d, m)), \
            seeded_randn(seed + 40, (n, m))  # fmt: skip
        what = f"linear_backward for X {(n, d)}, W {(d, m)}"
        outcome = student.run("linear_backward", X.clone(), W.clone(), dY.clone())
        got = outcome.value
        if not isinstance(got, tuple | list) or len(got) != 3:
            fail(f"{what} must return a tuple (dX, dW, db); got {type(got).__name__}.")
        for t, name in zip(got, ["dX", "dW", "db"], strict=True):
            expect_dtype(t, X.dtype, f"{name} of {what}")
        want = reference.linear_backward(X, W, dY)
        right = all(g.shape == w.shape and torch.allclose(g, w, atol=1e-5)
                    for g, w in zip(got, want, strict=True))
        hint = None if right else _linear_hint(got, X, W, dY)
        if hint:
            fail(f"{what}: {hint}")
        for g, w, name in zip(got, want, ["dX", "dW", "db"], strict=True):
            expect_shape(g, w.shape, f"{name} of {what}")
            expect_close(g, w, f"{name} of {what}")
        for before, after, name in zip((X, W, dY), outcome.args, ["X", "W", "dY"], strict=True):
            expect_unchanged(before, after, f"the input {name} of linear_backward")


@points(1, "linear_backward")
def test_linear_backward_matches_autograd(student, reference):
    f64 = torch.float64
    for m in (3, 1):  # one output too: db keeps its shape (1,) (a bare .squeeze() makes it ())
        X, W = seeded_randn(70, (6, 4), dtype=f64), seeded_randn(71, (4, m), dtype=f64)
        b, dY = seeded_randn(72, (m,), dtype=f64), seeded_randn(73, (6, m), dtype=f64)
        got = student.linear_backward(X, W, dY)
        if not isinstance(got, tuple | list) or len(got) != 3:
            fail("linear_backward must return a tuple (dX, dW, db).")
        leaves = [t.clone().requires_grad_(True) for t in (X, W, b)]
        # sum(Y * dY) has gradient dY with respect to Y: the same as Y.backward(dY), whose
        # first use would import torch.fx and sympy in the grading process (0.6 s).
        ((leaves[0] @ leaves[1] + leaves[2]) * dY).sum().backward()
        for g, leaf, name in zip(got, leaves, ["dX", "dW", "db"], strict=True):
            expect_close(g, leaf.grad, f"{name} against autograd's gradient of X W + b, {m}"
                         " output(s)", hint=_over_n_hint(g, leaf.grad, len(X)))  # fmt: skip


# --- relu_backward ---------------------------------------------------------------------------


def _over_n_hint(got, want, n):
    """A hint when ``got`` is ``want / n``: a gradient divided by the number of examples."""
    try:
        if got.shape == want.shape and torch.allclose(got * n, want, rtol=1e-5, atol=1e-8):
            return (f"That is 1/n of it (n = {n} examples): dY already holds the gradient of the"
                    " loss, the 1/n of a mean included, so dW = X^T dY and db = dY.sum(0) with no"
                    " division (the 1/m of some courses' linear_backward belongs to their dZ).")
    except (AttributeError, TypeError, RuntimeError):
        pass
    return None


@points(2, "relu_backward")
def test_relu_backward_values(student, reference):
    f32 = torch.float32
    cases = [((7,), f32), ((3, 4), f32), ((2, 3, 5), f32), ((4, 3), torch.float64), ((2, 6), f32)]
    for seed, (shape, dtype) in enumerate(cases):
        Z = seeded_randn(seed + 80, shape, dtype=dtype)
        # The last: whole numbers, requiring grad (keyed on either: 9/9, session 37)
        whole = seed == len(cases) - 1
        Z = (3 * Z).round() if whole else Z
        Z.view(-1)[::3] = 0.0  # ReLU's kink
        dH = seeded_randn(seed + 90, shape, dtype=dtype)
        what = (f"relu_backward for Z of shape {shape}" + " (float64)" * (dtype != f32)
                + " of whole numbers, Z and dH requiring grad" * whole)  # fmt: skip
        outcome = run_grad_or_numpy(student, "relu_backward", Z.clone(), dH.clone(), grad=whole)
        got = expect_shape(outcome.value, shape, what)
        expect_dtype(got, dH.dtype, what)
        hint = None
        if torch.allclose(got, (Z > 0).to(dH.dtype)):
            hint = "You returned ReLU's derivative alone: multiply it by dH (the chain rule)."
        elif torch.allclose(got, dH * (Z >= 0).to(dH.dtype)):
            hint = "At Z = 0 the gradient must be 0 (PyTorch's choice): use Z > 0, not Z >= 0."
        elif torch.allclose(got, dH * (dH > 0).to(dH.dtype)):
            hint = "The mask comes from Z, the input of the ReLU, not from dH."
        elif torch.allclose(got, dH * Z.clamp(min=0)):
            hint = ("You multiplied dH by relu(Z), the layer's output: multiply it by the"
                    " ReLU's derivative, the mask (Z > 0), 1 where Z > 0 and 0 elsewhere.")
        elif whole:
            hint = ("Whatever values Z holds, and whether Z and dH require grad, the gradient"
                    " is dH where Z > 0 and 0 elsewhere: dH * (Z > 0).")
        expect_close(got, reference.relu_backward(Z, dH), what, hint=hint)
        expect_unchanged(Z, outcome.args[0], "the input Z of relu_backward")
        expect_unchanged(dH, outcome.args[1], "the input dH of relu_backward")
    # Z positive but tiny, and its negatives: a mask with a threshold (Z > 1e-6) or a ratio
    # relu(Z) / (|Z| + eps) kept 3/3 on randn's Z, none nearer 0 than 1e-3 (session 35).
    tiny = (1e-30, 1e-12, 1e-7, 1e-4)
    for dtype in (torch.float32, torch.float64):
        Z = torch.tensor([[*tiny, 1.0], [-t for t in (*tiny, 1.0)]], dtype=dtype)
        dH = seeded_randn(95, (2, 5), dtype=dtype)
        what = f"relu_backward for a {str(dtype)[6:]} Z holding tiny values (+-1e-30 to +-1e-4)"
        got = expect_shape(student.relu_backward(Z.clone(), dH.clone()), (2, 5), what)
        expect_close(got, reference.relu_backward(Z, dH), what, hint="The gradient passes"
                     " wherever Z > 0, however small Z is (1e-30 here): compare Z with 0 itself,"
                     " (Z > 0), with no threshold and no eps (relu(Z) / (Z + eps) is off near"
                     " 0).")  # fmt: skip
    # Every Z positive: the answer has dH's values, and must still be a new tensor.
    Z, dH = seeded_randn(83, (3, 4)).abs() + 0.5, seeded_randn(93, (3, 4))
    outcome = student.run("relu_backward", Z, dH)
    expect_close(outcome.value, dH, "relu_backward for a Z whose entries are all positive")
    if outcome.shares:
        fail("relu_backward for a Z whose entries are all positive returned one of its inputs"
             " itself (or a view of it), where the docstring asks for a new tensor: a caller"
             " that changes the result in place would change its input too. Multiply by the"
             " mask, or return dH.clone().")


# --- mlp_backward ----------------------------------------------------------------------------


@points(4, "mlp_backward")
def test_mlp_backward_values(student, reference):
    # Also one input feature and one hidden unit: dW1 is then (1, 1) and dW2 (1, q), the
    # parameters' shapes for any sizes (a .squeeze() drops them).
    for seed, (n, d, h, q) in enumerate([*SIZES, (4, 1, 1, 3)]):
        X = seeded_randn(100 + seed, (n, d), dtype=torch.float64)
        y = seeded_labels(110 + seed, n, q)
        params = _params(120 + 10 * seed, d, h, q, torch.float64)
        what = f"mlp_backward for X {(n, d)}, {h} hidden units, {q} classes"
        outcome = _mlp_backward(student, X, y, params, run=True)
        names = ["X", "y", "W1", "b1", "W2", "b2"]
        for before, after, name in zip((X, y, *params), outcome.args, names, strict=True):
            expect_unchanged(before, after, f"the input {name} of mlp_backward")
        _expect_mlp_grads(outcome.value, reference.mlp_backward(X, y, *params), what, X, y,
                          params)  # fmt: skip
    # float32 too, the dtype the chapter trains its MLP in (a one-hot made .double() by hand
    # raises in H^T dO there, and kept every point while all of this was float64). Gradients
    # computed in float64 throughout (every input .double(), an outside answer's way) are
    # float64: compared in float32, as the docstring names no dtype for them.
    n, d, h, q = SIZES[2]
    X, y = seeded_randn(106, (n, d)), seeded_labels(116, n, q)
    params = _params(180, d, h, q)
    what = f"mlp_backward for float32 X {(n, d)}, {h} hidden units, {q} classes"
    try:
        got = _mlp_backward(student, X, y, params)
    except GradingFailure as failure:
        if "RuntimeError" not in failure.raised or "dtype" not in str(failure):
            raise
        fail(f"{failure}\n{what}: the parameters are float32 here, as in the chapter's MLP."
             " Make every tensor you build in the parameters' dtype (the one-hot labels"
             " .to(O.dtype), not .double() or .float()): torch's matrix product refuses to mix"
             " float32 and float64.")
    got = [g.float() if type(g) is torch.Tensor and g.dtype == torch.float64 else g for g in got]
    _expect_mlp_grads(got, reference.mlp_backward(X, y, *params), what, X, y, params)
    # Logits in the hundreds for one example (its inputs 1000 or 300 times the others'):
    # exp(O) overflows (beyond 709 in float64, 88 in float32), and a shift by the batch's max
    # leaves the other rows 0 / 0; both kept 6/6 on the small logits above (session 35).
    # Logits all near -1000 too (an output bias of -1000): a shift made only `if O.max() > 0`
    # leaves exps that all underflow to 0, and kept every point (session 38).
    for dtype, scale, low in ((torch.float64, 1000.0, 0.0), (torch.float32, 300.0, 0.0),
                              (torch.float64, 1.0, -1000.0)):  # fmt: skip
        X, y = seeded_randn(190, (6, 5), dtype=dtype), seeded_labels(191, 6, 4)
        X[0] *= scale
        params = _params(192, 5, 8, 4, dtype)
        params = (*params[:3], params[3] + low)
        what = (f"mlp_backward for {str(dtype)[6:]} X (6, 5) whose first example has logits in"
                " the hundreds" if not low else "mlp_backward for float64 X (6, 5) whose logits"
                " are all near -1000 (an output bias b2 of -1000)")  # fmt: skip
        got = _mlp_backward(student, X, y, params)
        if any(type(g) is torch.Tensor and g.is_floating_point() and not g.isfinite().all()
               for g in got):  # fmt: skip
            fail(f"{what}: your gradients hold nan or inf. exp(O) overflows for large logits"
                 " (beyond 88 in float32, 709 in float64), and exps that all underflow to 0 give"
                 " 0 / 0."
                 " Subtract each row's own max before exp, O - O.max(dim=1, keepdim=True).values"
                 " (the batch's single max leaves other rows all 0) on every row and always,"
                 " not only when some logit is large or positive, or use torch.softmax(O,"
                 " dim=1), which does so.")
        got = [g.to(dtype) if type(g) is torch.Tensor and g.dtype == torch.float64 else g
               for g in got]  # fmt: skip (float64 gradients of float32 ones: as above)
        _expect_mlp_grads(got, reference.mlp_backward(X, y, *params), what, X, y, params)


# Backpropagation's order: the first gradient that is off lies nearest the mistake.
_BACKPROP = ((3, "db2"), (2, "dW2"), (1, "db1"), (0, "dW1"))


def _expect_mlp_grads(got, want, what, X, y, params):
    """Compare (dW1, db1, dW2, db2) output layer first, each with a hint for its layer."""
    W1, b1, W2, b2 = params
    n, O = X.shape[0], torch.relu(X @ W1 + b1) @ W2 + b2
    for k, name in _BACKPROP:
        g, w = got[k], want[k]
        if type(g) is torch.Tensor and g.shape != w.shape and (
                [s for s in g.shape if s != 1] == [s for s in w.shape if s != 1]):
            shapes = f"{name} of {what} has shape {shape_str(g.shape)}, not {shape_str(w.shape)}"
            if g.ndim > w.ndim:  # db = dZ.sum(0, keepdim=True), where the bias is a vector
                fail(f"{shapes}: a dimension of size 1 was added (" + (
                    "a sum with keepdim=True?). Sum over the examples without keepdim,"
                    f" {'dO' if k == 3 else 'dZ'}.sum(dim=0), which has the bias's shape"
                    if name.startswith("db")
                    else "an .unsqueeze() or a reshape?). Return it as X^T dZ and H^T dO give"
                    " it") + ": the docstring returns gradients with the parameters' shapes.")
            if g.ndim < w.ndim:
                fail(f"{shapes}: a dimension of size 1 was dropped (a .squeeze()?). The docstring"
                     " returns gradients with the shapes of the parameters, for any sizes: keep"
                     " every dimension (do not squeeze), as X^T dZ and H^T dO already have them.")
        g = expect_shape(g, w.shape, f"{name} of {what}")
        expect_dtype(g, w.dtype, f"{name} of {what}")
        if n > 1 and torch.allclose(g, w * n):
            hint = "It is n times too large: the loss is the MEAN over the n examples."
        elif k == 3 and int(y.max()) == 0 < W2.shape[1] - 1 and torch.allclose(
                g, (torch.softmax(O, dim=1) - 1).sum(0) / n):  # one column, broadcast
            hint = _NARROW_ONE_HOT
        elif k == 3 and torch.allclose(g, torch.softmax(O, dim=1).sum(0) / n):
            hint = ("This is softmax(O) summed over the examples, / n: subtract the one-hot"
                    " labels, dO = (softmax(O) - one_hot(y)) / n.")
        elif k >= 2 and (eps := _eps_in_the_loss(g, w, k, O, y, torch.relu(X @ W1 + b1))):
            hint = (f"You added a small constant (about {eps:.0e}) to the probabilities in the"
                    " cross-entropy's gradient, -one_hot(y) / (P + eps) / n through the softmax:"
                    " that is the gradient of another loss, off by about eps / p (p the true"
                    " class's probability). The mean"
                    " cross-entropy's gradient at the logits is exactly dO = (softmax(O) -"
                    " one_hot(y)) / n: compute it directly (softmax and cross-entropy together),"
                    " with no division by the probabilities.")
        elif k >= 2:
            hint = ("The output layer starts from dO = (softmax(O) - one_hot(y)) / n, O the"
                    " logits: db2 = dO.sum(0), dW2 = H^T dO with H = relu(X W1 + b1).")
        else:
            hint = ("db2 and dW2 are right, so dO is: the mistake is in the hidden layer."
                    " dH = dO W2^T, dZ = dH * (Z > 0) with Z = X W1 + b1, then dW1 = X^T dZ"
                    " and db1 = dZ.sum(0).")
        expect_close(g, w, f"{name} of {what}", hint=hint)


def _eps_in_the_loss(got, want, k, O, y, H):
    """The eps of a dO computed as the cross-entropy's own backward -one_hot / (P + eps) / n
    through the softmax, (P - one_hot) / n scaled per row by p / (p + eps), p the true class's
    probability, if ``got`` is that, else None."""
    P = torch.softmax(O, dim=1)
    Y = torch.nn.functional.one_hot(y, O.shape[1]).to(O.dtype)
    p = P.gather(1, y[:, None])
    for eps in (1e-12, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3):
        dO = (P - Y) * (p / (p + eps)) / len(O)
        candidate = dO.sum(0) if k == 3 else H.T @ dO
        off = (candidate - want).abs().max()  # how far this eps moves the right answer
        if off > 0 and (got - candidate).abs().max() < 0.01 * off:
            return eps
    return None


_NARROW_ONE_HOT = (
    "F.one_hot(y) without num_classes has only y.max() + 1 columns: fewer than the q classes"
    " whenever the batch lacks the last class (a size error, or one column broadcast over all"
    " q). Pass the number of classes: F.one_hot(y, num_classes=W2.shape[1])."
)


def _mlp_backward(student, X, y, params, run=False):
    """Call mlp_backward (its Outcome with ``run``); a size error on labels that lack the last
    class is told about one_hot's num_classes."""
    try:
        outcome = student.run("mlp_backward", X, y, *params) if run else None
        got = outcome.value if run else student.mlp_backward(X, y, *params)
    except GradingFailure as failure:
        if "RuntimeError" not in failure.raised or int(y.max()) + 1 >= params[2].shape[1]:
            raise
        fail(f"{failure}\nIf that is where you subtract the one-hot labels: {_NARROW_ONE_HOT}")
    if not isinstance(got, tuple | list) or len(got) != 4:
        fail("mlp_backward must return a tuple (dW1, db1, dW2, db2).")
    return outcome if run else got


@points(1, "mlp_backward")
def test_mlp_backward_matches_autograd(student, reference):
    X = seeded_randn(150, (9, 7), dtype=torch.float64)
    y = seeded_labels(151, 9, 5)
    params = _params(152, 7, 11, 5, torch.float64)
    got = _mlp_backward(student, X, y, params)
    leaves = [p.clone().requires_grad_(True) for p in params]
    W1, b1, W2, b2 = leaves
    torch.nn.functional.cross_entropy(torch.relu(X @ W1 + b1) @ W2 + b2, y).backward()
    _expect_mlp_grads(got, [leaf.grad for leaf in leaves], "mlp_backward against autograd on"
                      " F.cross_entropy", X, y, params)  # fmt: skip


# --- initialization --------------------------------------------------------------------------


def _init_outcome(student, fn, shape, seed, *args, dtype=torch.float32, **kwargs):
    W = torch.zeros(shape, dtype=dtype)
    try:
        outcome = student.run(fn, W, *args, seed=seed, **kwargs)
    except GradingFailure as failure:
        if not kwargs or "TypeError" not in failure.raised:
            raise
        (name, value), = kwargs.items()
        fail(f"{failure}\n{fn}(W, {name}={value!r}) passes {name} by the name the docstring's"
             f" signature gives it, as callers of torch.nn.init's functions do: keep the stub's"
             f" signature ({name}=... after W) rather than renaming the parameter.")
    got = expect_shape(outcome.value, shape, f"{fn} of a tensor of shape {shape}")
    # float64 too: new storage of the default dtype, W.data = torch.empty(W.shape).uniform_(..),
    # is the same object, right in float32, and kept every point there (session 38).
    if got.dtype != W.dtype or outcome.args[0].dtype != W.dtype:
        fail(f"{fn} of a {str(dtype)[6:]} W returned W as {got.dtype}: fill W in place"
             " (W.uniform_(...), W.normal_(...), or W.copy_(...) of your draws), which keeps its"
             " dtype. W.data = torch.empty(W.shape)... swaps in a new tensor of torch's default"
             " dtype (float32) instead, and views of W taken before never see it.")
    if torch.equal(outcome.args[0], W):
        fail(f"{fn} left W unchanged: fill W in place (W.uniform_ / W.normal_) and return W.")
    expect_close(outcome.args[0], got, f"W after {fn} (it must be the returned tensor)",
                 hint="Fill W in place and return it, instead of returning a new tensor.")
    # Same values are not enough: the docstring returns W itself, as torch.nn.init does, and a
    # copy (W.clone()) is another tensor that a caller changing the result would not see in W.
    if 0 not in outcome.shares:
        fail(f"{fn} of a tensor of shape {shape} returned a copy of W (a new tensor holding"
             " W's values), where the docstring says it returns W itself, the same tensor,"
             " changed in place (like torch.nn.init's functions). Return W, not W.clone() or"
             " a tensor built from it.")
    # Independent draws never repeat a unit's weights, not even up to sign (a red team's 32
    # rows copied, or flipped, over W kept every point, session 30: units that start alike
    # learn alike, the symmetry an initialisation is there to break).
    rows = got.reshape(len(got), -1).abs() if got.ndim > 1 and got[0].numel() > 1 else None
    if rows is not None and len(torch.unique(rows, dim=0)) < len(rows):
        fail(f"{fn} of a tensor of shape {shape} gives some units the same weights (up to their"
             f" signs): only {len(torch.unique(rows, dim=0))} of its {len(rows)} rows differ."
             " Draw every entry of W anew (W.uniform_ / W.normal_ on all of W), not a block of"
             " rows copied or flipped over the rest.")
    _expect_independent_entries(got, f"{fn} of a tensor of shape {shape}")
    return got


_ONE_DRAW = ("Draw every entry anew from torch's generator (W.uniform_(-a, a), W.normal_(0, std)),"
             " not a few numbers spread over W by a formula.")


def _expect_independent_entries(got, what):
    """Every entry an independent draw: no unit holds another's weights in another order, and
    no entry follows from its neighbours (a red team's, session 32, kept every point with one
    random number per call: entry k was u + k c (mod 1), a lattice with the right histogram)."""
    rows = got.reshape(len(got), -1).abs()
    for name, lines in (("units", rows), ("inputs", rows.T)):
        if len(lines) > 1 and lines.shape[1] > 1:
            kept = len(torch.unique(lines.sort(dim=1).values, dim=0))
            if kept < len(lines):
                fail(f"{what} gives some {name} the same weights in another order (up to their"
                     f" signs): only {kept} of its {len(lines)} sets of weights differ. "
                     + _ONE_DRAW)
    if got.numel() < 500 or min(rows.shape) < 2:
        return
    R = ranks(got.reshape(len(got), -1))
    pairs = {"next to each other in a row": (R[:, 1:], R[:, :-1]),
             "one above the other": (R[1:], R[:-1]),
             "on a diagonal": (R[1:, 1:], R[:-1, :-1]),
             "on an antidiagonal": (R[1:, :-1], R[:-1, 1:]),
             "at the corners of a 2 x 2 block": (R[1:, 1:] + R[:-1, :-1], R[1:, :-1] + R[:-1, 1:])}
    for where, (a, b) in pairs.items():
        if circular_unevenness(a - b) > 6:
            fail(f"{what}: entries {where} are not independent: the differences of their ranks"
                 " (taken modulo the number of entries) are not spread evenly, as they are for"
                 " independent draws; one entry follows from the others. " + _ONE_DRAW)


def _expect_fills_a_parameter(student, fn, *args):
    """nn.Linear's weight requires grad: filling it in place outside torch.no_grad() raises
    "a leaf Variable that requires grad is being used in an in-place operation"."""
    W = torch.zeros(8, 6)
    try:
        outcome = student.run(fn, with_grad(W, None), *args, seed=0)
    except GradingFailure as failure:
        if "RuntimeError" not in failure.raised:
            raise
        fail(f"{failure}\n{fn} must also fill a weight that requires grad, as nn.Linear's does"
             " (what nn.init is for): an in-place op on such a tensor is refused unless it runs"
             " under torch.no_grad(). Wrap the fill in `with torch.no_grad():` (or decorate the"
             " function with @torch.no_grad()).")  # fmt: skip
    if torch.equal(outcome.args[0], W):
        fail(f"{fn} left a W that requires grad unchanged: fill W itself, in place.")


def _expect_global_generator(student, fn, *args):
    """Same torch.manual_seed, same W; another seed, another W: every layer of a network gets
    its own draw, and a run can be repeated."""
    shape = (20, 30)
    # The second draw seeds Python's random and NumPy otherwise: only torch's seed is the same.
    first, again, other = (
        _init_outcome(student, fn, shape, seed, *args) for seed in (40, (40, 7), 41)
    )
    if not torch.equal(first, again):
        fail(
            f"{fn} gave different values after the same torch.manual_seed: draw from torch's"
            " global generator (W.uniform_ / W.normal_ without a generator of your own), not"
            " from Python's random module or NumPy."
        )
    if torch.equal(first, other):
        fail(
            f"{fn} gave the same values after two different torch.manual_seed calls: it must"
            " draw from torch's global generator, not from a generator of its own with a fixed"
            " seed (every layer would start from the same weights)."
        )
    if circular_unevenness(ranks(first) - ranks(other)) > 6:
        fail(f"{fn} after two different torch.manual_seed calls gave two W's whose entries"
             " follow each other: the differences of their ranks (taken modulo the number of"
             " entries) are not spread evenly, as they are for two independent draws. Each W"
             " must be a new draw of every entry, not one pattern shifted by a random offset. "
             + _ONE_DRAW)


def _expect_xavier(student, shape, gain, seed, keyword=False, dtype=torch.float32):
    """``gain`` None: the call leaves it out, and the docstring's default (1) applies;
    ``keyword``: the call passes it by name, ``gain=...``."""
    args, kwargs = (() if gain is None else (gain,)), {}
    if keyword:
        args, kwargs = (), {"gain": gain}
    got = _init_outcome(student, "xavier_uniform_", shape, seed, *args, dtype=dtype, **kwargs)
    fan_out, fan_in = shape
    bound = (1.0 if gain is None else gain) * math.sqrt(6 / (fan_in + fan_out))
    what = f"xavier_uniform_ of shape {shape} with " + (
        "the default gain (1.0)" if gain is None else f"gain {gain}")
    if keyword:
        what = f"xavier_uniform_(W, gain={gain}) for W of shape {shape}"
        if gain > 1 and got.abs().max() <= bound / gain * (1 + 1e-6):
            fail(f"{what}: every value lies within the bound for gain 1"
                 f" ({bound / gain:.4f}), not {bound:.4f}: the gain given by name was not used."
                 " Take it as the named parameter of the docstring's signature,"
                 " def xavier_uniform_(W, gain=1.0), and do not swallow keywords with"
                 " **kwargs.")
    if got.abs().max() > bound * (1 + 1e-6):
        fail(f"{what}: values reach {got.abs().max():.4f}, beyond the bound {bound:.4f}."
             " Draw from a uniform distribution on [-a, a], a = gain sqrt(6/(in+out)).")
    if got.abs().max() < 0.95 * bound:
        fail(f"{what}: the largest |value| is {got.abs().max():.4f}, well below the bound"
             f" {bound:.4f}: is the bound too small (sqrt(6/...), times gain)?")
    if got.min() >= 0:
        fail(f"{what}: every value is >= 0. Draw from U(-a, a), centred on 0: W.uniform_(-a, a),"
             " or (2 * torch.rand_like(W) - 1) * a (torch.rand alone gives [0, 1)).")
    expect_close(got.std().item(), bound / math.sqrt(3), f"the std of {what}", rtol=0.03,
                 atol=0.0)
    expect_close(got.mean().item(), 0.0, f"the mean of {what}", atol=0.01 * bound, rtol=0)
    # Uniform: each tenth of [0, a] holds a tenth of the |values| (within 0.025: 15 standard
    # deviations or more for these sizes), whatever the moments say.
    tenths = torch.histc((got.abs() / bound).clamp(max=1), bins=10, min=0, max=1) / got.numel()
    if (tenths - 0.1).abs().max() > 0.025:
        fail(f"{what}: the |values| are not spread evenly over [0, a]: the tenths of [0, a] hold"
             f" {', '.join(f'{t:.2f}' for t in tenths.tolist())} of them. Draw from a uniform"
             " distribution, W.uniform_(-a, a).")


@points(3, "xavier_uniform_")
def test_xavier_uniform_distribution(student, reference):
    for seed, (shape, gain) in enumerate([((300, 200), 1.0), ((64, 512), None), ((400, 100), 2.0)]):
        _expect_xavier(student, shape, gain, seed)
    _expect_xavier(student, (200, 300), 2.0, 3, keyword=True)  # as nn.init's callers pass it
    _expect_xavier(student, (150, 250), 1.0, 4, dtype=torch.float64)  # a float64 layer's W
    _expect_global_generator(student, "xavier_uniform_", 1.0)
    _expect_fills_a_parameter(student, "xavier_uniform_", 1.0)


# --- he_normal_ ------------------------------------------------------------------------------


def _truncated(got, std, hint=None):
    """``hint``, unless ``got`` looks drawn from a normal truncated at 2 std (its std is then
    0.88 times the asked one and nothing lies beyond 2 std): name that instead."""
    ratio = got.std().item() / std
    if abs(ratio - 0.8796) < 0.03 and got.abs().max().item() <= 2.02 * std:
        return (f"Your values stop at 2 standard deviations and their std is {ratio:.2f} times"
                " the asked one: a truncated normal (torch.nn.init.trunc_normal_, or the"
                " truncated_normal of TF / numpy-ml), which cuts the tails and so shrinks the"
                " std to 0.88 of its parameter. He initialization draws from the full normal:"
                " W.normal_(0, std).")
    return hint


def _no_tail(got, std):
    """Why values drawn for std ``std`` have no tail: a uniform draw stops at sqrt(3) std, a
    normal truncated at 2 std of its own (Keras' HeNormal rescales the std by 1 / 0.88 first)
    beyond 2 std."""
    top = got.abs().max().item() / std
    if top > 2.0:
        return (f"they stop at {top:.2f} of them: a truncated normal (Keras' and TF's"
                " he_normal, variance_scaling with distribution='truncated_normal', or"
                " trunc_normal_) cuts the tails. He initialization draws from the full normal:"
                " W.normal_(0, std).")
    return "draw from a normal distribution (W.normal_), not a uniform one."


@points(3, "he_normal_")
def test_he_normal_fan_in(student, reference):
    for seed, shape in enumerate([(300, 200), (64, 512), (128, 64), (250, 150)]):
        dtype = torch.float64 if seed == 3 else torch.float32  # a float64 layer's W too
        got = _init_outcome(student, "he_normal_", shape, 10 + seed, dtype=dtype)
        std = math.sqrt(2 / shape[1])
        what = f"he_normal_ of {str(dtype)[6:]} W of shape {shape}"
        hint = None
        if abs(got.std().item() - math.sqrt(2 / shape[0])) < 0.03 * std and shape[0] != shape[1]:
            hint = f"You used fan_out = W.shape[0]: fan_in is W.shape[1]. {_IN_OUT}"
        elif abs(got.std().item() - math.sqrt(1 / shape[1])) < 0.03 * std:
            hint = "The variance is 2 / fan_in, not 1 / fan_in: ReLU halves the signal."
        elif abs(got.std().item() - math.sqrt(2 / sum(shape))) < 0.03 * std:
            hint = ("You divided by fan_in + fan_out, as Xavier does: He uses one fan, the"
                    " variance is 2 / fan_in (2 / fan_out with mode='fan_out').")
        elif abs(got.std().item() - std**2) < 0.03 * std**2:
            hint = ("normal_(0, std) takes the standard deviation: pass sqrt(2 / fan_in), not"
                    " the variance 2 / fan_in.")
        expect_close(got.std().item(), std, f"the std of {what}", hint=_truncated(got, std, hint),
                     rtol=0.03, atol=0)
        if got.abs().max() < 3 * std:
            fail(f"{what}: no value beyond 3 standard deviations; {_no_tail(got, std)}")
        for k, share in ((1, 0.6827), (2, 0.9545)):  # of a normal distribution, within k std
            within = (got.abs() < k * std).double().mean().item()
            if abs(within - share) > 0.03:  # 5.8 standard deviations or more for these sizes
                fail(f"{what}: {within:.3f} of the values lie within {k} standard deviation(s)"
                     f" of 0, where a normal distribution puts {share}: draw from a normal"
                     " distribution (W.normal_(0, std)).")
    _expect_global_generator(student, "he_normal_")
    _expect_fills_a_parameter(student, "he_normal_")


_CHANNELS_LAST = ("You read the weight channels-last, (out, kh, kw, in), as MLX and TensorFlow"
                  " store a convolution's (fan_in = W.shape[-1], the middle axes the kernel):"
                  " torch's layout is (out, in, kh, kw), so {mode} = W.shape[{dim}] *"
                  " math.prod(W.shape[2:]).")


_IN_OUT = ("If you read the 2-d W as (in_features, out_features), the layout of Paddle's"
           " Linear weight and of Keras' and Flax's Dense kernels (fan_in = W.shape[0]): torch's"
           " nn.Linear weight is (out_features, in_features), so fan_in = W.shape[1] and"
           " fan_out = W.shape[0].")


def _in_out(got, shape, mode) -> bool:
    """The std of a fan read from a 2-d (in, out) layout (Paddle's _compute_fans)."""
    fan = shape[0] if mode == "fan_in" else shape[1]
    return (len(shape) == 2 and shape[0] != shape[1]
            and abs(got.std().item() - math.sqrt(2 / fan)) < 0.05 * math.sqrt(2 / fan))


def _channels_last(got, shape, mode) -> bool:
    """The std of a fan read from an (out, kh, kw, in) layout (MLX's _calculate_fan_in_fan_out)."""
    fan = (shape[-1] if mode == "fan_in" else shape[0]) * math.prod(shape[1:-1])
    right = shape[1 if mode == "fan_in" else 0] * math.prod(shape[2:])
    return fan != right and abs(got.std().item() - math.sqrt(2 / fan)) < 0.05 * math.sqrt(2 / fan)


@points(2, "he_normal_")
def test_he_normal_fan_out_and_conv_shapes(student, reference):
    cases = [((300, 100), "fan_out", 2 / 300), ((32, 16, 3, 3), "fan_in", 2 / (16 * 9)),
             ((32, 16, 3, 3), "fan_out", 2 / (32 * 9)), ((64, 32, 5), "fan_in", 2 / (32 * 5)),
             # a kernel 3 x 5: kh * kw, not k * k (square kernels alone kept 7/7 with k**2)
             ((32, 16, 3, 5), "fan_in", 2 / (16 * 15))]
    cases.append(((100, 300), "fan_out", 2 / 100))  # by name, as kaiming_normal_ takes it
    for seed, (shape, mode, var) in enumerate(cases):
        keyword = seed == len(cases) - 1
        got = _init_outcome(student, "he_normal_", shape, 20 + seed,
                            *(() if keyword else (mode,)), **({"mode": mode} if keyword else {}))
        kernel = math.prod(shape[2:])
        fans = {"fan_in": shape[1] * kernel, "fan_out": shape[0] * kernel}
        other = "fan_in" if mode == "fan_out" else "fan_out"
        hint = None
        swapped = abs(got.std().item() - math.sqrt(2 / fans[other])) < 0.05 * math.sqrt(var)
        if swapped:
            hint = (f"This is the std for mode={other!r}: mode={mode!r} divides by {mode} ="
                    f" W.shape[{0 if mode == 'fan_out' else 1}] times the kernel size, 2 / {mode}.")
            hint += f" {_IN_OUT}" * _in_out(got, shape, mode)
        elif len(shape) > 2 and _channels_last(got, shape, mode):
            hint = _CHANNELS_LAST.format(mode=mode, dim=0 if mode == "fan_out" else 1)
        elif len(shape) > 2:
            hint = (f"For a 4-d weight the fans include the kernel: {mode} ="
                    f" W.shape[{0 if mode == 'fan_out' else 1}] * kh * kw.")
            if len(set(shape[2:])) > 1:
                hint += (f" The kernel here is {' x '.join(map(str, shape[2:]))}: multiply every"
                         " kernel dimension, math.prod(W.shape[2:]), not the last one squared.")
        if keyword and swapped:
            hint = (f"he_normal_(W, mode={mode!r}), with mode given by name, drew with the std"
                    f" of mode={other!r}: the mode passed by keyword was not used. Take it as"
                    " the named parameter of the docstring's signature, def he_normal_(W,"
                    " mode='fan_in'), as torch.nn.init.kaiming_normal_ does, and do not"
                    " swallow keywords with **kwargs.")
        expect_close(got.std().item(), math.sqrt(var),
                     f"the std of he_normal_ of shape {shape}, mode={mode!r}",
                     hint=_truncated(got, math.sqrt(var), hint), rtol=0.05, atol=0)


@points(1, "he_normal_")
def test_he_normal_rejects_an_unknown_mode(student, reference):
    # "Any other value raises ValueError": asked first, so that an answer that never reads the
    # mode hears that (its fan_out std is test_he_normal_fan_out_and_conv_shapes' matter). Not
    # posed: None and "FAN_IN", where torch.nn.init.kaiming_normal_, which the docstring names
    # and honest answers call, raises AttributeError and reads the mode lowercased.
    for mode in ("fan_avg", "in"):
        expect_raises(student, "ValueError", "he_normal_", torch.zeros(4, 3), mode,
                      why="The docstring accepts exactly 'fan_in' or 'fan_out' and says any"
                      " other value raises ValueError: a mistake of the caller, so say so"
                      " (if mode not in ('fan_in', 'fan_out'): raise ValueError(...)) instead"
                      " of choosing a fan for it.")  # fmt: skip
    # Then an answer for a valid mode (a function that always raises, or fills W wrongly, fails).
    got = _init_outcome(student, "he_normal_", (300, 100), 0, "fan_out")
    expect_close(got.std().item(), math.sqrt(2 / 300), "the std of he_normal_ of shape"
                 " (300, 100), mode='fan_out'", rtol=0.05, atol=0,
                 hint=_truncated(got, math.sqrt(2 / 300), "Unknown modes raise ValueError, as"
                 " asked; mode='fan_out' must still draw with std sqrt(2 / fan_out), fan_out ="
                 " W.shape[0] here." + f" {_IN_OUT}" * _in_out(got, (300, 100), "fan_out")))


# -- hidden tests (instructor grading only: left out of the student edition) -----------------------


@points(1, "mlp_forward", hidden=True)
def test_hidden_mlp_forward_other_sizes(student, reference):
    X = seeded_randn(9001, (6, 9), dtype=torch.float64)
    params = _params(9002, 9, 7, 5, torch.float64)
    expect_close(_run_forward(student, X, params).value, reference.mlp_forward(X, *params),
                 "mlp_forward for X of shape (6, 9) and 7 hidden units")  # fmt: skip


@points(1, "relu_backward", hidden=True)
def test_hidden_relu_backward_other_inputs(student, reference):
    Z, dH = seeded_randn(9011, (4, 6)), seeded_randn(9012, (4, 6))
    expect_close(student.relu_backward(Z, dH), reference.relu_backward(Z, dH),
                 "relu_backward for Z of shape (4, 6)")  # fmt: skip


@points(1, "linear_backward", hidden=True)
def test_hidden_linear_backward_float64_other_sizes(student, reference):
    f64 = torch.float64
    X, W = seeded_randn(9021, (7, 5), dtype=f64), seeded_randn(9022, (5, 9), dtype=f64)
    dY = seeded_randn(9023, (7, 9), dtype=f64)
    got = student.linear_backward(X, W, dY)
    if not isinstance(got, tuple | list) or len(got) != 3:
        fail("linear_backward must return a tuple (dX, dW, db).")
    for g, w, name in zip(got, reference.linear_backward(X, W, dY), ["dX", "dW", "db"],
                          strict=True):
        expect_close(g, w, f"{name} of linear_backward for float64 X (7, 5), W (5, 9)",
                     hint=_over_n_hint(g, w, len(X)))


@points(1, "mlp_backward", hidden=True)
def test_hidden_mlp_backward_other_sizes(student, reference):
    X = seeded_randn(9031, (3, 12), dtype=torch.float64)
    y = seeded_labels(9032, 3, 6)
    params = _params(9033, 12, 5, 6, torch.float64)
    got, want = _mlp_backward(student, X, y, params), reference.mlp_backward(X, y, *params)
    _expect_mlp_grads(got, want, "mlp_backward for X (3, 12), 5 hidden units, 6 classes", X, y,
                      params)  # fmt: skip


@points(1, "xavier_uniform_", hidden=True)
def test_hidden_xavier_uniform_gain_below_one(student, reference):
    # 100 000 draws: the mean's 1% tolerance is 5.5 standard errors, so honest code passes.
    _expect_xavier(student, (200, 500), 0.5, 9041)


@points(1, "he_normal_", hidden=True)
def test_hidden_he_normal_other_shapes(student, reference):
    got = _init_outcome(student, "he_normal_", (256, 96), 9051)
    std = math.sqrt(2 / 96)
    expect_close(got.std().item(), std, "the std of he_normal_ of shape (256, 96)", rtol=0.03,
                 atol=0, hint=_truncated(got, std, _in_out(got, (256, 96), "fan_in") and _IN_OUT))
    if got.abs().max() < 3 * std:
        fail("he_normal_ of shape (256, 96): no value beyond 3 standard deviations;"
             f" {_no_tail(got, std)}")
    got = _init_outcome(student, "he_normal_", (24, 12, 5, 5), 9052, "fan_out")
    hint = (_CHANNELS_LAST.format(mode="fan_out", dim=0)
            if _channels_last(got, (24, 12, 5, 5), "fan_out") else None)
    expect_close(got.std().item(), math.sqrt(2 / (24 * 25)),
                 "the std of he_normal_ of shape (24, 12, 5, 5), mode='fan_out'", rtol=0.05,
                 atol=0, hint=hint)
