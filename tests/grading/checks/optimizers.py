"""Grading tests for exercises/optimizers.py (run through coursekit.grading).

Each update rule is run for 25 steps on a random quadratic loss: at every step the gradient is
computed here, from the parameters the student's previous call returned, and the student's
returned parameters and state are fed back into the next call. The same problem is solved by the
rule's torch.optim twin (computed with the reference rule, which equals it: see TWINS), and
every step must agree. When a step disagrees, the student's
trajectory is compared with known wrong rules (no bias correction, eps in the wrong place, ...)
so that the message can name the mistake. Every call of a public run also has its arguments
compared after the call: an input changed in place costs the rule's keeps_inputs test.
"""

import math
import weakref
from contextlib import suppress
from functools import partial

import torch

from coursekit.grading import (
    GradingFailure,
    expect_close,
    expect_unchanged,
    fail,
    generator,
    points,
    short_repr,
)  # fmt: skip

STEPS = 25  # the main run of every rule
SHORT = 10  # a second run with other settings (each step is one call to the student's process)
RTOL, ATOL = 1e-6, 1e-9
# float32 parameters (one short run): each step rounds at about 1e-7, where the same rule in
# another arrangement (torch.optim's fused add, addcdiv) differs from the reference's.
RTOL32, ATOL32 = 1e-5, 1e-6

# What each rule must match step for step. The checks compute the expected steps with the
# reference rules; the course's own tests wrap these torch.optim twins as a submission and see
# it earn every point, so reference and twin agree on every problem posed here. (torch.optim
# itself would cost each grading process seconds of imports.)
TWINS = {
    "sgd_step": "torch.optim.SGD",
    "momentum_step": "torch.optim.SGD(momentum=...)",
    "nesterov_step": "torch.optim.SGD(momentum=..., nesterov=True)",
    "adagrad_step": "torch.optim.Adagrad",
    "rmsprop_step": "torch.optim.RMSprop",
    "adam_step": "torch.optim.Adam",
}

STATE_KEYS = {
    "sgd_step": set(),
    "momentum_step": {"v"},
    "nesterov_step": {"v"},
    "adagrad_step": {"s"},
    "rmsprop_step": {"s"},
    "adam_step": {"step", "m", "v"},
}


# -- the problems -------------------------------------------------------------------------------


class Quadratic:
    """L(p) = sum_i sum(a_i * (p_i - c_i)^2 / 2) plus a fixed random tilt per step, so the
    gradients change in size and sign as in minibatch training: g_i = a_i (p_i - c_i) + n_i,k."""

    def __init__(self, seed, shapes, noise=0.3, scale=1.0, dtype=torch.float64):
        g = generator(seed)
        kw = dict(generator=g, dtype=torch.float64)
        # one dtype, or one per parameter (a tuple): a list may mix float32 and float64
        dtypes = dtype if isinstance(dtype, tuple) else (dtype,) * len(shapes)
        self.start = [(torch.randn(s, **kw) * 2).to(d) for s, d in zip(shapes, dtypes, strict=True)]
        self.curv = [(0.5 + 2.5 * torch.rand(s, **kw)) * scale for s in shapes]
        self.center = [torch.randn(s, **kw) for s in shapes]
        self.noise = [[noise * scale * torch.randn(s, **kw) for s in shapes] for _ in range(STEPS)]
        self.curv, self.center = [[t.to(d) for t, d in zip(ts, dtypes, strict=True)]
                                  for ts in (self.curv, self.center)]  # fmt: skip
        self.noise = [[t.to(d) for t, d in zip(ts, dtypes, strict=True)] for ts in self.noise]

    def grads(self, params, k):
        return [
            a * (p - c) + n
            for p, a, c, n in zip(params, self.curv, self.center, self.noise[k], strict=True)
        ]


def _rule_path(rule, problem, hyper, steps, states=None):
    """The parameters after each step (the start first); ``states``: a list that gets the
    state returned by each step."""
    params, state = [p.clone() for p in problem.start], {}
    path = [params]
    for k in range(steps):
        params, state = rule(params, problem.grads(params, k), state, **hyper)
        path.append(params)
        if states is not None:
            states.append(state)
    return path


def _tolerances(t):
    return (RTOL, ATOL) if t.dtype == torch.float64 else (RTOL32, ATOL32)


def _close(a, b):
    return all(
        x.shape == y.shape and x.dtype == y.dtype
        and torch.allclose(x, y, *_tolerances(y), equal_nan=False)
        for x, y in zip(a, b, strict=True)
    )  # fmt: skip


# -- known mistakes, so that a wrong trajectory can be named --------------------------------------
# Each names a rule with one mistake. The rules themselves live beside the answers, in the
# reference module (its ``known_mistake``), never here: the student edition holds these checks,
# and a rule with one mistake is one edit away from the answer. The edition replays their paths
# from the answers recorded for each test's own inputs, as it replays the reference. Plain
# momentum, the Nesterov step that forgets to look ahead, is momentum_step's answer itself.

_NO_EPS = "Your denominator has no eps: divide by sqrt(...) + eps, eps after the square root."

MISTAKES = {
    "sgd_step": [
        ("sgd:ascent", "Your parameters move *up* the gradient: subtract lr * g, don't add it."),
        ("sgd:no_lr", "Your step ignores the learning rate: p <- p - lr * g."),
    ],
    "momentum_step": [
        ("momentum:late", "Your momentum moves with the *old* velocity and adds the gradient "
                          "after the step. Update v <- momentum * v + g first, then "
                          "p <- p - lr * v."),
        ("momentum:dampened", "You scale the gradient by (1 - momentum) (an exponential moving "
                              "average). torch.optim.SGD with dampening=0 adds g itself: "
                              "v <- momentum * v + g."),
        # The same path as returning the old velocity: the message names both.
        ("momentum:with_g", "Your parameters move by lr * g, as in plain gradient descent: the"
                            " velocity is what moves them, p <- p - lr * v, after v <- momentum"
                            " * v + g. Or the state you return holds the old velocity, not the"
                            " new one that the next call must read back."),
    ],
    "nesterov_step": [
        # Looking ahead with the velocity from before the step, p - lr * (g + momentum * v_old),
        # is the same rule: p - lr * v_new.
        ("momentum_step", "Your Nesterov step is plain momentum, p <- p - lr * v (or, the same,"
                          " a look-ahead with the velocity from *before* this step). Update v"
                          " first, then look ahead with it: p <- p - lr * (g + momentum * v)."),
    ],
    "adagrad_step": [
        ("adagrad:abs", "You accumulate |g| (or g) instead of g * g: AdaGrad sums "
                        "*squared* gradients."),
        ("adagrad:inside", "You put eps inside the square root, sqrt(s + eps). "
                           "torch.optim.Adagrad uses sqrt(s) + eps."),
        ("adagrad:not_running", "Your s holds only this step's g * g: AdaGrad adds "
                                "it to the running sum kept in the state, s <- "
                                "state['s'] + g * g (zeros before the first step)."),
        ("adagrad:no_eps", _NO_EPS),
        ("adagrad:no_root", "You divide by s + eps: AdaGrad divides by the square "
                            "root of the sum, sqrt(s) + eps."),
    ],
    "rmsprop_step": [
        ("rmsprop:swapped", "Your weights are swapped: s <- (1 - alpha) * s + "
                            "alpha * g^2. Keep alpha of the old average: "
                            "s <- alpha * s + (1 - alpha) * g^2."),
        ("rmsprop:no_one_minus", "You add g^2 without the (1 - alpha) factor: "
                                 "s <- alpha * s + (1 - alpha) * g^2."),
        ("rmsprop:inside", "You put eps inside the square root, sqrt(s + eps). "
                           "torch.optim.RMSprop uses sqrt(s) + eps."),
        ("rmsprop:no_eps", _NO_EPS),
        ("rmsprop:old_s", "You divide by the average from *before* this step "
                          "(zeros at step 1). Update s <- alpha * s + "
                          "(1 - alpha) * g^2 first, then divide by sqrt(s) + eps."),
    ],
    "adam_step": [
        ("adam:no_correction", "Your Adam has no bias correction: divide m by "
                               "(1 - beta1^t) and v by (1 - beta2^t)."),
        ("adam:constant", "Your bias correction divides by (1 - beta1) and "
                          "(1 - beta2), without the exponent t. That is right "
                          "only at step 1: is the bias correction using t?"),
        ("adam:m_only", "You bias-correct m but not v: also divide v by "
                        "(1 - beta2^t)."),
        ("adam:inside", "You put eps inside the square root, sqrt(v_hat + eps). "
                        "torch.optim.Adam uses sqrt(v_hat) + eps."),
        ("adam:no_eps", _NO_EPS),
        ("adam:swapped", "Your betas are swapped: beta1 (0.9 by default), the "
                         "first of betas, decays m, the average of g; beta2 "
                         "(0.999) decays v, the average of g * g. Unpack "
                         "beta1, beta2 = betas."),
        ("adam:squared", "Your bias correction divides by (1 - beta1^2) and "
                         "(1 - beta2^2) at every step: the exponent is the step "
                         "number t, (1 - beta1^t) and (1 - beta2^t)."),
        ("adam:v_not_running", "Your v holds only this step's (1 - beta2) * g * g: "
                               "v is a running average, v <- beta2 * v + (1 - beta2)"
                               " * g * g with the v from the state."),
        *((f"adam:float32_{how}", "Your bias correction is computed in float32 (beta1 ** t"
           " and beta2 ** t of float32 tensors, as torch.tensor(betas) makes them): 0.999"
           " becomes 0.99900001, and 1 - beta2 ** t, near 0 in the first steps, keeps only"
           " a few of its digits. Use the betas as the Python floats they are, with t an int:"
           " 1 - beta2 ** t.") for how in ("betas", "power", "product")),
        ("adam:folded", "You fold the bias correction into the step size, lr * "
                        "sqrt(1 - beta2^t) / (1 - beta1^t), and divide m by sqrt(v) "
                        "+ eps (the faster form in Adam's paper). That moves eps: it "
                        "now meets sqrt(v), not sqrt(v_hat). torch.optim.Adam divides "
                        "m_hat by sqrt(v_hat) + eps: compute m_hat = m / (1 - "
                        "beta1^t) and v_hat = v / (1 - beta2^t) first."),
    ],
}


# eps as outside code often writes it in (d2l's 1e-6, EECS 498's 1e-7, torch's defaults), and
# the defaults of the stubs: a rule that ignores its eps argument follows one of these paths.
OTHER_EPS = (1e-6, 1e-7, 1e-8, 1e-10)
DEFAULT_EPS = {"adagrad_step": 1e-10, "rmsprop_step": 1e-8, "adam_step": 1e-8}


def _eps_paths(reference, name, problem, hyper, steps) -> dict:
    """``{(eps, how): path}`` of the right rule (``how`` "after"), of the one with eps inside
    the square root ("inside", d2l's AdaGrad) and of Adam with its bias correction folded into
    the step size ("folded", the paper's faster form, as Saito's deep-learning-from-scratch
    writes it with eps = 1e-7) with an eps other than the one it is given."""
    given = hyper.get("eps", DEFAULT_EPS.get(name))
    hows = ("after", "inside", "folded") if name == "adam_step" else ("after", "inside")
    return {(e, how): _rule_path(_mistaken(reference, f"{name[:-5]}:{how}") if how != "after"
                                 else getattr(reference, name), problem, {**hyper, "eps": e},
                                 steps)
            for e in OTHER_EPS if name in DEFAULT_EPS and e != given
            for how in hows}  # fmt: skip


def _mistaken(reference, kind):
    """The rule of a known mistake (``kind``), or of an exercise (plain momentum)."""
    return getattr(reference, kind) if kind in TWINS else partial(reference.known_mistake, kind)


# -- running the student ------------------------------------------------------------------------


def _unpack(name, value, params):
    what = f"{name}(params, grads, state, ...)"
    if isinstance(value, tuple | list) and all(isinstance(v, torch.Tensor) for v in value):
        fail(f"{what} returned {len(value)} tensors, the new parameters alone: return the pair"
             " (new_params, new_state), `return new_params, state` (state may be {} for SGD).")
    if not isinstance(value, tuple | list) or len(value) != 2:
        fail(f"{what} should return a tuple (new_params, new_state); got {type(value).__name__}.")
    new_params, new_state = value
    if not isinstance(new_params, list | tuple) or len(new_params) != len(params):
        fail(f"{what}: new_params should be a list of {len(params)} tensors, one per parameter.")
    for i, (q, p) in enumerate(zip(new_params, params, strict=True)):
        if not isinstance(q, torch.Tensor):
            fail(f"{what}: new_params[{i}] is a {type(q).__name__}, not a tensor.")
        if q.shape != p.shape:
            fail(f"{what}: new_params[{i}] has shape {tuple(q.shape)}, but the parameter has "
                 f"shape {tuple(p.shape)}.")
        if q.dtype != p.dtype:
            how = ("do not call .float()" if q.dtype == torch.float32 else
                   "build no float64 tensor of your own: the state from torch.zeros_like(g),"
                   " not torch.zeros(g.shape, dtype=torch.float64), and the hyperparameters as"
                   " Python floats, not torch.tensor(lr, dtype=torch.float64)")
            fail(f"{what}: new_params[{i}] has dtype {q.dtype}; keep the parameter's dtype "
                 f"{p.dtype} ({how}).")
    if not isinstance(new_state, dict):
        fail(f"{what}: new_state should be a dict, got {type(new_state).__name__}.")
    missing = STATE_KEYS[name] - set(new_state)
    if missing:
        fail(f"{what}: the returned state lacks the key(s) {sorted(missing)}; the docstring "
             f"gives the layout {sorted(STATE_KEYS[name])}.")
    extra = set(new_state) - STATE_KEYS[name]
    if extra:
        fail(f"{what}: the returned state has the key(s) {sorted(map(str, extra))[:5]}, which"
             f" its layout {sorted(STATE_KEYS[name])} does not: use exactly the docstring's"
             " keys (what a caller saves and feeds back is that layout).")
    return list(new_params), new_state


_ROOT = {"adagrad_step": "sqrt(s)", "rmsprop_step": "sqrt(s)", "adam_step": "sqrt(v_hat)"}


def _excess(a, b) -> float:
    """How far ``a`` is from ``b``, in units of what ``_close`` allows."""
    return max(float(((x - y).abs() / (atol + rtol * y.abs())).max())
               for x, y in zip(a, b, strict=True) for rtol, atol in [_tolerances(y)])  # fmt: skip


def _diagnose(name, step, steps, hyper, got, want, before, paths, eps_paths, later=(),
              start=""):
    """Fail at ``step``, the first that left the reference's path, naming a known mistake
    that fits if there is one. ``paths``: each of MISTAKES' paths by its kind; ``later``: the
    parameters of the student's next step, which a mistake's path must fit too (a step's
    tolerance can hold another wrong path by chance: Saito's Adam, folded with eps = 1e-7 in
    float64, sits 0.6 tolerances from float32's at step 1 and 12 at step 2; only one more step,
    as two float32 forms may part later: optax's power of an int32 count leaves the float32
    path here at step 3); ``start``: what the state returned at step 1 says about a state that
    did not start at zeros."""
    moved = math.sqrt(sum(float(((q - b) ** 2).sum()) for q, b in zip(got, before, strict=True)))
    should = math.sqrt(sum(float(((w - b) ** 2).sum()) for w, b in zip(want, before, strict=True)))
    size = ""
    if should > 0 and math.isfinite(moved) and moved > 0:
        ratio = moved / should
        if ratio > 1.05:
            size = f" (Your step {step} is {ratio:.3g}x as long as it should be.)"
        elif ratio < 0.95:
            size = f" (Your step {step} is only {ratio:.3g}x as long as it should be.)"
    named = [(message + size, paths[kind]) for kind, message in MISTAKES[name]]
    for key, path in eps_paths.items():
        if key == "float32":  # torch.tensor(lr), an honest slip: 0.03 becomes 0.0299999993
            named.append((f"your {name} takes its hyperparameters as float32 numbers (torch."
                          "tensor(lr) makes a float32 tensor: 0.03 becomes 0.0299999993), so"
                          " the float64 parameters drift from torch's: use the numbers as"
                          " they are given (Python floats).", path))  # fmt: skip
            continue
        if key == "float32_lr":
            lr = hyper["lr"]
            named.append((f"your {name} takes its learning rate as a float32 number (torch."
                          f"tensor(lr) makes a float32 tensor: {lr:g} becomes"
                          f" {float(torch.tensor(lr)):.10g}, and .to(g.dtype) does not bring"
                          " the lost digits back), so the float64 parameters drift from"
                          " torch's: use lr as the Python float it is given.", path))  # fmt: skip
            continue
        (eps, how), given, root = key, hyper.get("eps", DEFAULT_EPS[name]), _ROOT[name]
        text = (f"your {name} follows eps = {eps:g}, not the eps it was given ({given:g}): use"
                " the eps argument, not a number of your own.")
        if how == "inside":  # d2l's AdaGrad: sqrt(s + 1e-6)
            text = (f"your {name} divides by sqrt({root[5:-1]} + {eps:g}): eps = {eps:g}, not"
                    f" the eps it was given ({given:g}), and inside the square root. Use the eps"
                    f" argument, after the root: {root} + eps.")
        if how == "folded":  # Saito's Adam: lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t)
            text = (f"your {name} folds the bias correction into the step size, lr * sqrt(1 -"
                    f" beta2^t) / (1 - beta1^t), dividing m by sqrt(v) + {eps:g}: eps ="
                    f" {eps:g}, not the eps it was given ({given:g}), and it meets sqrt(v), not"
                    " sqrt(v_hat). Use the eps argument, and compute m_hat = m / (1 - beta1^t)"
                    " and v_hat = v / (1 - beta2^t) first: m_hat / (sqrt(v_hat) + eps), as"
                    " torch.optim.Adam does.")
        named.append((text, path))
    # Of the known mistakes that fit this step and the next ones, the nearest: at one step two
    # can fit within the tolerance (d2l's Adam, eps = 1e-6 written in, and the paper's folded
    # form, which moves eps).
    near = [(_excess(got, path[step]), message) for message, path in named
            if _close(got, path[step]) and all(_close(q, path[step + 1 + j])
                                                for j, q in enumerate(later))]  # fmt: skip
    if near:
        fail(f"At step {step} of {steps}: {min(near, key=lambda pair: pair[0])[1]}")
    if start:
        fail(f"At step {step} of {steps}: {start}")
    if any(not torch.isfinite(q).all() for q in got):
        squares = ""
        if name in ("adagrad_step", "rmsprop_step", "adam_step"):
            squares = (" The running average or sum of *squared* gradients (g * g) is never "
                       "negative, so its square root is always defined: did you forget to "
                       "square g, or return the average of g under its key (Adam's state['v']"
                       " holds the average of g * g, state['m'] that of g)?")
        fail(f"At step {step} your {name} produced inf or nan: look for a division by zero or "
             f"the square root of a negative number.{squares}")
    twin = TWINS[name]
    later = ""
    if step > 1 and not STATE_KEYS[name]:  # tinygrad's lr, a float32 Tensor([lr]) of shape (1,)
        later = (f" Your steps before step {step} were right and {name} keeps no state: what"
                 " differs is rounding, e.g. a float32 tensor (torch.tensor([lr]) is one) in the"
                 " float64 arithmetic, which makes a 0-dim parameter's step float32.")
    elif step > 1:
        later = (f" Your steps before step {step} were right, so the rule works from an empty"
                 " state and what goes wrong is the state you return: it must hold the NEW"
                 " running values themselves (not the old ones, nor Adam's bias-corrected m_hat"
                 " and v_hat), which the next call reads back.")
    expect_close(got, want, f"step {step} of {steps}: new_params",
                 hint=f"They must match {twin} with the same settings {hyper}.{size}{later}",
                 **dict(zip(("rtol", "atol"), _tolerances(want[0]), strict=True)))


def _expect_step_count(t, want):
    """Adam's state["step"] counts the steps of this run, from the state it was given, as a
    Python int."""
    count = t.item() if isinstance(t, torch.Tensor) and t.numel() == 1 else t
    if count != want:
        fail(
            f"after step {want} of a run that started from state {{}}, adam_step returned"
            f" state['step'] = {short_repr(t)}. Count the steps in the state you are"
            " given (state.get('step', 0) + 1), not in a variable of your own that outlives"
            " the run: each optimizer (each run) has its own count."
        )
    # The docstring's layout holds "the int number of steps": what a caller saves and feeds
    # back, and with a tensor step beta1 ** t is a float32 tensor, which loses digits.
    if type(t) is not int:
        fail(
            f"adam_step's state['step'] should be a Python int (the number of steps taken, as"
            f" the docstring's layout says), got {type(t).__name__} {short_repr(t)}. Keep t an"
            " int, state.get('step', 0) + 1 (a tensor step also makes beta1 ** t a float32"
            " tensor, which loses digits)."
        )


def _state_dtype_hint(name, state, params):
    """A wrong trajectory with state tensors of another dtype than their parameters."""
    for key, tensors in state.items():
        listed = tensors if isinstance(tensors, list | tuple) else []
        for i, (t, p) in enumerate(zip(listed, params, strict=False)):
            if isinstance(t, torch.Tensor) and t.dtype != p.dtype:
                fail(f"{name}'s state[{key!r}][{i}] is {t.dtype} but the parameter is {p.dtype},"
                     " and the parameters drift from torch's: keep the state in the parameters'"
                     " dtype (torch.zeros_like(p), no .float()).")


# What the runs saw changed in place, for the test of the inputs (each rule's keeps_inputs,
# run after its runs): {student: {rule: message}}. Every call of a run is compared, so that
# code cannot keep its inputs only where one test looks (one problem's shapes).
_CHANGED = weakref.WeakKeyDictionary()


def _call(student, name, hyper, positional, params, grads, state, watch):
    """One step of the student's rule; ``watch``: note an input it changed in place."""
    args = (params, grads, state)
    try:
        if not watch:
            rule = getattr(student, name)
            return rule(*args, *hyper.values()) if positional else rule(*args, **hyper)
        copies = tuple(_clone(a) for a in args)
        outcome = (student.run(name, *args, *hyper.values()) if positional else
                   student.run(name, *args, **hyper))  # fmt: skip
    except GradingFailure as exc:
        if "0-dim" not in str(exc) or not any(p.ndim == 0 for p in params):
            raise
        first, _, rest = str(exc).partition("\n")
        fail(f"{first}\nA parameter may be a single number, a 0-dim tensor, and so may its"
             " state (a copy of it, zeros_like(p)): it has no slice or index to write into"
             " (p[:] = ..., v[:] *= ...). Write whole tensors instead: a new one (p - lr * ...,"
             f" momentum * v + g), or v.mul_(...) on your own copy.\n{rest}".rstrip())
    try:
        for what, before, after in zip(("params", "grads", "state"), copies, outcome.args[:3],
                                       strict=True):  # fmt: skip
            for where, b, a in _leaves(what, before, after):
                expect_unchanged(b, a, f"{where} passed to {name}")
        if 1 in outcome.shares:  # a state made of the gradients, at any step or momentum
            fail(_SHARES_GRADS.format(name=name))
    except GradingFailure as changed:
        seen = _CHANGED.setdefault(student, {})
        given = f"a state with the keys {_keys(state)}" if state else "the empty state {}"
        seen.setdefault(name, f"In a run of its steps (parameters of shapes"
                              f" {[tuple(p.shape) for p in params]}, from {given}): {changed}")
    return outcome.value


def _initial_state(name, hyper, state, want):
    """What the state returned at step 1 says about the state it started from: the rule of
    every known optimizer started from c instead of zeros (Keras' and optax's AdaGrad start
    their sum at 0.1, trax's RMSProp its average at 1), or ``""``."""
    betas = hyper.get("betas", (0.9, 0.999))
    decays = {"momentum_step": {"v": hyper.get("momentum")},
              "nesterov_step": {"v": hyper.get("momentum")}, "adagrad_step": {"s": 1.0},
              "rmsprop_step": {"s": hyper.get("alpha", 0.99)},
              "adam_step": {"m": betas[0], "v": betas[1]}}.get(name, {})  # fmt: skip
    for key, decay in decays.items():
        got, right = state.get(key), want[key]
        if not decay or not isinstance(got, list | tuple) or len(got) != len(right):
            continue
        if not all(isinstance(t, torch.Tensor) and t.shape == r.shape
                   for t, r in zip(got, right, strict=True)):  # fmt: skip
            continue
        start = torch.cat([((t.double() - r.double()) / decay).flatten()
                           for t, r in zip(got, right, strict=True)])  # fmt: skip
        if len(start) < 2 or not torch.isfinite(start).all():
            continue
        c = float(start.mean())
        if abs(c) > 1e-6 and bool(((start - c).abs() <= 1e-6 * abs(c) + 1e-9).all()):
            return (f"your {name}'s state[{key!r}] after step 1 is what the rule gives from"
                    f" state[{key!r}] = {c:.6g} (every entry) before the first step, not from"
                    f" zeros. The empty state {{}} stands for zeros, as in {TWINS[name]}:"
                    " start from torch.zeros_like(p) (Keras' and optax's AdaGrad start at 0.1"
                    " and trax's RMSProp at 1; torch.optim's start at 0).")
    return ""


def _run(student, reference, name, hyper, seed, shapes, noise=0.3, scale=1.0, steps=STEPS,
         positional=False, dtype=torch.float64, watch=True):  # fmt: skip
    """Follow the reference's path for ``steps`` steps; ``positional``: the hyperparameters
    given by position, in the order of the stub's signature (and ``hyper`` as that order);
    ``watch``: compare every call's inputs after the call (what it changed in place costs the
    rule's keeps_inputs test: see ``_CHANGED``)."""
    problem = Quadratic(seed, shapes, noise=noise, scale=scale, dtype=dtype)
    want_states = []
    want_path = _rule_path(getattr(reference, name), problem, hyper, steps, want_states)
    # The paths a wrong answer is compared with (run always: the edition replays them).
    paths = {kind: _rule_path(_mistaken(reference, kind), problem, hyper, steps)
             for kind, _ in MISTAKES[name]}  # fmt: skip
    eps_paths = _eps_paths(reference, name, problem, hyper, steps)
    rounded = {k: float(torch.tensor(v, dtype=torch.float32)) if type(v) is float else v
               for k, v in hyper.items()}  # fmt: skip
    if dtype == torch.float64 and rounded != hyper:
        eps_paths["float32"] = _rule_path(getattr(reference, name), problem, rounded, steps)
    # MLX's optimizers: mx.array(lr) is float32, the other hyperparameters stay Python floats
    lr_only = {**hyper, "lr": rounded["lr"]} if "lr" in hyper else hyper
    if dtype == torch.float64 and lr_only not in (hyper, rounded):
        eps_paths["float32_lr"] = _rule_path(getattr(reference, name), problem, lr_only, steps)
    params, state = [p.clone() for p in problem.start], {}
    for k in range(steps):
        grads = problem.grads(params, k)
        value = _call(student, name, hyper, positional, params, grads, state, watch)
        new_params, state = _unpack(name, value, params)
        if name == "adam_step":
            _expect_step_count(state.get("step"), k + 1)
        if not _close(new_params, want_path[k + 1]) and (positional or not hyper):
            given = ", ".join(map(repr, hyper.values())) if hyper else "no hyperparameters"
            fail(f"{name}(params, grads, state, {given}) leaves torch.optim's path at step"
                 f" {k + 1}, although with its hyperparameters given by name it follows: keep the"
                 " stub's signature, its parameters' order and its defaults (" + ("what"
                 " each one is, by position" if hyper else "the defaults the docstring gives")
                 + ").")  # fmt: skip
        if not _close(new_params, want_path[k + 1]):
            _state_dtype_hint(name, state, params)
            start = _initial_state(name, hyper, state, want_states[0]) if k == 0 else ""
            # The student's next step, from its own parameters and state: a known mistake's
            # path must fit it too.
            later = []
            if k + 1 < steps:
                with suppress(GradingFailure):
                    more = _call(student, name, hyper, positional, new_params,
                                 problem.grads(new_params, k + 1), state, False)  # fmt: skip
                    later.append(_unpack(name, more, new_params)[0])
            _diagnose(name, k + 1, steps, hyper, new_params, want_path[k + 1], params, paths,
                      eps_paths, later, start)
        params = new_params


def _lone_and_steep(student, reference, name, hyper, seed):
    """A run with one parameter alone and gradients in the hundreds: rules keyed on
    len(params) == 1, or clipping gradients above 30, kept every point (every run above has two
    or three parameters and gradients below 30, session 37)."""
    try:
        _run(student, reference, name, hyper, seed, shapes=[(6,)], scale=40.0, steps=3)
    except GradingFailure as failure:
        fail(f"{failure}\nThis run has one parameter alone (params = [p]) and gradients in the"
             " hundreds: the rule is the same for any number of parameters and any size of"
             " gradient (no special case, no clipping).")
    # A float32 parameter beside a float64 one ("floating-point tensors", each keeps its own
    # dtype): one flat vector of them all (torch.cat) kept every point in one dtype (s. 38).
    try:
        _run(student, reference, name, hyper, seed, shapes=[(3,), (2, 2)], steps=3,
             dtype=(torch.float32, torch.float64))  # fmt: skip
    except GradingFailure as failure:
        fail(f"{failure}\nThis run mixes a float32 parameter and a float64 one: step each"
             " parameter on its own, in its own dtype (torch.cat of them all, as"
             " parameters_to_vector does, makes every one float64).")


def _no_in_place(student, reference, name, hyper, seed):
    """Call the rule with the empty state of a first step (``state.setdefault("m", ...)``
    fills only that one), then with a non-empty state, and check nothing it was given changed
    and that the second step is the one that state gives (not one from a state the module
    keeps between calls, which would pass a run fed only its own returned states). The first
    call's last gradient is all zeros: that parameter's new value is still a new tensor. An
    input the rule's runs (its test of the steps, run before this one) saw changed fails it
    first: code that keeps its inputs only on this problem's shapes does not pass."""
    seen = _CHANGED.get(student, {}).get(name)
    if seen:
        fail(seen)
    problem = Quadratic(seed, [(3,), (2, 3)])
    path_params, state = [p.clone() for p in problem.start], {}
    rule = getattr(reference, name)  # three trusted steps make a realistic state
    for k in range(4):
        grads = problem.grads(path_params, k)
        if k == 0:  # a weight that got no gradient this step (all zeros), as a frozen one does
            grads[-1] = torch.zeros_like(grads[-1])
        if k in (0, 3):
            args = (path_params, grads, state)
            copies = tuple(_clone(a) for a in args)
            outcome = student.run(name, *args, **hyper)
            got, got_state = _unpack(name, outcome.value, path_params)
            for what, before, after in zip(("params", "grads", "state"), copies, outcome.args,
                                           strict=True):
                for where, b, a in _leaves(what, before, after):
                    expect_unchanged(b, a, f"{where} passed to {name}")
        if k == 3:  # each known mistake's step from this state, to name one that fits
            named = [(message, _mistaken(reference, kind)(path_params, grads, state, **hyper)[0])
                     for kind, message in MISTAKES[name]]  # fmt: skip
        path_params, state = rule(path_params, grads, state, **hyper)
        if k == 0 and not _close(got, path_params):  # a sum begun at 0.1 (optax) is named here too
            fail(f"{name}'s first step, from the empty state {{}}, is not torch.optim's: "
                 + (_initial_state(name, hyper, got_state, state) or "the test of its steps (the"
                    " one that runs it 25 steps) says what is off."))
        if k == 0 and 0 in outcome.shares:  # the values are right: it returned a param itself
            fail(f"{name} handed back a tensor of params itself (or a view of it), here where"
                 " the last parameter's gradient is all zeros: the docstring asks for"
                 " new_params as a list of NEW tensors, which the caller may change without"
                 " touching the old ones. Compute every parameter's update, also when it is"
                 " zero (p - lr * ... is a new tensor), or return p.clone().")
        if k == 0 and 1 in outcome.shares:  # torch.optim.SGD's first buffer: clone(grad)
            fail(_SHARES_GRADS.format(name=name))
        for key in sorted(STATE_KEYS[name]) if k == 0 else ():  # Keras' v = momentum v - lr g
            expect_close(got_state[key], state[key], f"at step 1, {name}'s returned"
                         f" state[{key!r}]", hint="The returned state holds exactly what the"
                         " docstring names, in its form (momentum's v <- momentum * v + g, no lr"
                         " folded in as in Keras' form): the next call may get a state torch.optim"
                         " built.")  # fmt: skip
    if not _close(got, path_params):
        given = (f"{name} given the state {sorted(copies[2])} of a run three steps in (the state"
                 " the docstring describes, as the previous call returns it) took another step"
                 " than that state gives")
        for message, step in named:  # a rule right at step 1 only: not a module's variable
            if _close(got, step):
                fail(f"{given}: {message}")
        fail(f"{given}. Read what the rule remembers from the state argument only, never from a"
             " variable of the module kept between calls: every optimizer (every run) has its"
             " own state, and the returned state must hold the new values.")
    for key in sorted(STATE_KEYS[name]):  # what the next call reads: the new values themselves
        expect_close(got_state[key], state[key], f"at step 4, {name}'s returned state[{key!r}]",
                     hint="The returned state holds the new running values the docstring"
                     " describes, which the next call reads back.")


_SHARES_GRADS = (
    "{name} returned a state that holds a tensor of grads itself (or a view of it), e.g. v = g"
    " at the first step: a training loop that zeroes or accumulates its gradients in place"
    " (p.grad.zero_(), the next backward pass) would change your state with them. Build new"
    " tensors for the state: momentum * v + g from zeros, or g.clone() (torch.optim.SGD's"
    " first buffer is torch.clone(grad))."
)


def _keys(state: dict) -> str:
    """The keys of ``state`` for a message, sorted as text (a student's may mix 0 and "v")."""
    return ", ".join(sorted(map(repr, state))) or "none"


def _leaves(where, before, after):
    """Pairs (name, before, after) of every tensor or number inside nested lists and dicts."""
    if isinstance(before, dict):
        if not isinstance(after, dict) or set(after) != set(before):
            now = f"its keys are now {_keys(after)}" if isinstance(after, dict) else "it is no dict"
            fail(f"{where} was changed in place: {now} instead of {_keys(before)}. Build a new"
                 " dict for the new state (state[key] = ... and state.setdefault(key, ...) write"
                 " into the dict you were given).")
        for k in before:
            yield from _leaves(f"{where}[{k!r}]", before[k], after[k])
    elif isinstance(before, list | tuple):
        if not isinstance(after, list | tuple) or len(after) != len(before):
            fail(f"{where} was changed in place (its length changed). Build a new list.")
        for i, (b, a) in enumerate(zip(before, after, strict=True)):
            yield from _leaves(f"{where}[{i}]", b, a)
    else:
        yield where, before, after


def _clone(x):
    if isinstance(x, torch.Tensor):
        return x.clone()
    if isinstance(x, dict):
        return {k: _clone(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return type(x)(_clone(v) for v in x)
    return x


SHAPES_A = [(4,), (3, 2)]
SHAPES_B = [(2, 3, 2), (5,), ()]


# -- sgd ----------------------------------------------------------------------------------------


@points(2, "sgd_step")
def test_sgd_matches_torch(student, reference):
    _run(student, reference, "sgd_step", {"lr": 0.1}, seed=1, shapes=SHAPES_A)
    _run(student, reference, "sgd_step", {"lr": 0.1}, seed=1, shapes=SHAPES_A, steps=SHORT,
         positional=True)
    _run(student, reference, "sgd_step", {"lr": 0.03}, seed=2, shapes=SHAPES_B, steps=SHORT)
    # float32 parameters, one of them 0-dim: the run keeps their dtype (a state begun as float64
    # zeros, or a float64 lr tensor, kept every point while only momentum was posed float32).
    _run(student, reference, "sgd_step", {"lr": 0.1}, seed=24,
         shapes=[(), (3,)], steps=3, dtype=torch.float32)
    _lone_and_steep(student, reference, "sgd_step", {"lr": 0.01}, seed=40)


@points(1, "sgd_step")
def test_sgd_keeps_inputs(student, reference):
    _no_in_place(student, reference, "sgd_step", {"lr": 0.1}, seed=3)


# -- momentum -----------------------------------------------------------------------------------


@points(2, "momentum_step")
def test_momentum_matches_torch(student, reference):
    main = {"lr": 0.05, "momentum": 0.9}
    _run(student, reference, "momentum_step", main, seed=4, shapes=SHAPES_A)
    _run(student, reference, "momentum_step", main, seed=4, shapes=SHAPES_A, steps=SHORT,
         positional=True)
    _run(student, reference, "momentum_step", {"lr": 0.2, "momentum": 0.5}, seed=5, shapes=SHAPES_B,
         steps=SHORT)
    # float32 parameters, one of them 0-dim: a 0-dim float64 tensor (torch.tensor(lr)) times a
    # 0-dim float32 one is float64, and new_params must keep the parameters' dtype.
    _run(student, reference, "momentum_step", {"lr": 0.1, "momentum": 0.9}, seed=22,
         shapes=[(), (3,)], steps=3, dtype=torch.float32)
    _lone_and_steep(student, reference, "momentum_step", {"lr": 0.01, "momentum": 0.9}, seed=41)
    # momentum 0 is in [0, 1): plain SGD, and the state still holds its velocity (v = g).
    _run(student, reference, "momentum_step", {"lr": 0.1, "momentum": 0.0}, seed=23,
         shapes=SHAPES_B, steps=3)


@points(1, "momentum_step")
def test_momentum_keeps_inputs(student, reference):
    _no_in_place(student, reference, "momentum_step", {"lr": 0.05, "momentum": 0.9}, seed=6)


# -- nesterov -----------------------------------------------------------------------------------


@points(2, "nesterov_step")
def test_nesterov_matches_torch(student, reference):
    main = {"lr": 0.05, "momentum": 0.9}
    _run(student, reference, "nesterov_step", main, seed=7, shapes=SHAPES_A)
    _run(student, reference, "nesterov_step", main, seed=7, shapes=SHAPES_A, steps=SHORT,
         positional=True)
    _run(student, reference, "nesterov_step", {"lr": 0.2, "momentum": 0.5}, seed=8, shapes=SHAPES_B,
         steps=SHORT)
    # float32 parameters, one of them 0-dim: the run keeps their dtype (a state begun as float64
    # zeros, or a float64 lr tensor, kept every point while only momentum was posed float32).
    _run(student, reference, "nesterov_step", {"lr": 0.1, "momentum": 0.9}, seed=25,
         shapes=[(), (3,)], steps=3, dtype=torch.float32)
    _lone_and_steep(student, reference, "nesterov_step", {"lr": 0.01, "momentum": 0.9}, seed=42)


@points(1, "nesterov_step")
def test_nesterov_keeps_inputs(student, reference):
    _no_in_place(student, reference, "nesterov_step", {"lr": 0.05, "momentum": 0.9}, seed=9)


# -- adagrad ------------------------------------------------------------------------------------


@points(2, "adagrad_step")
def test_adagrad_matches_torch(student, reference):
    _run(student, reference, "adagrad_step", {"lr": 0.4}, seed=10, shapes=SHAPES_A)
    _run(student, reference, "adagrad_step", {"lr": 0.4}, seed=10, shapes=SHAPES_A, steps=SHORT,
         positional=True)
    # A large eps and small gradients make eps's place (inside or after the root) visible.
    _run(student, reference, "adagrad_step", {"lr": 0.1, "eps": 0.1}, seed=11, shapes=SHAPES_B,
         scale=0.05, steps=SHORT)
    _run(student, reference, "adagrad_step", {}, seed=19, shapes=SHAPES_B, steps=SHORT)
    # float32 parameters, one of them 0-dim: the run keeps their dtype (a state begun as float64
    # zeros, or a float64 lr tensor, kept every point while only momentum was posed float32).
    _run(student, reference, "adagrad_step", {"lr": 0.4}, seed=26,
         shapes=[(), (3,)], steps=3, dtype=torch.float32)
    _lone_and_steep(student, reference, "adagrad_step", {"lr": 0.1}, seed=43)


@points(1, "adagrad_step")
def test_adagrad_keeps_inputs(student, reference):
    _no_in_place(student, reference, "adagrad_step", {"lr": 0.4}, seed=12)


# -- rmsprop ------------------------------------------------------------------------------------


@points(2, "rmsprop_step")
def test_rmsprop_matches_torch(student, reference):
    _run(student, reference, "rmsprop_step", {"lr": 0.05, "alpha": 0.9}, seed=13, shapes=SHAPES_A)
    _run(student, reference, "rmsprop_step", {"lr": 0.05, "alpha": 0.9}, seed=13, shapes=SHAPES_A,
         steps=SHORT, positional=True)
    _run(student, reference, "rmsprop_step", {"lr": 0.01, "alpha": 0.99, "eps": 0.1}, seed=14,
         shapes=SHAPES_B, scale=0.05, steps=SHORT)
    _run(student, reference, "rmsprop_step", {}, seed=20, shapes=SHAPES_B, steps=SHORT)
    # float32 parameters, one of them 0-dim: the run keeps their dtype (a state begun as float64
    # zeros, or a float64 lr tensor, kept every point while only momentum was posed float32).
    _run(student, reference, "rmsprop_step", {"lr": 0.05, "alpha": 0.9}, seed=27,
         shapes=[(), (3,)], steps=3, dtype=torch.float32)
    _lone_and_steep(student, reference, "rmsprop_step", {"lr": 0.01, "alpha": 0.9}, seed=44)


@points(1, "rmsprop_step")
def test_rmsprop_keeps_inputs(student, reference):
    _no_in_place(student, reference, "rmsprop_step", {"lr": 0.05, "alpha": 0.9}, seed=15)


# -- adam ---------------------------------------------------------------------------------------


@points(2, "adam_step")
def test_adam_matches_torch(student, reference):
    main = {"lr": 0.05, "betas": (0.9, 0.999)}
    _run(student, reference, "adam_step", main, seed=16, shapes=SHAPES_A)
    _run(student, reference, "adam_step", main, seed=16, shapes=SHAPES_A, steps=SHORT,
         positional=True)
    _run(student, reference, "adam_step", {"lr": 0.01, "betas": (0.8, 0.99), "eps": 0.1}, seed=17,
         shapes=SHAPES_B, scale=0.05, steps=SHORT)
    _run(student, reference, "adam_step", {}, seed=21, shapes=SHAPES_B, steps=SHORT)
    # float32 parameters, one of them 0-dim: the run keeps their dtype (a state begun as float64
    # zeros, or a float64 lr tensor, kept every point while only momentum was posed float32).
    _run(student, reference, "adam_step", {"lr": 0.05, "betas": (0.9, 0.999)}, seed=28,
         shapes=[(), (3,)], steps=3, dtype=torch.float32)
    _lone_and_steep(student, reference, "adam_step", {"lr": 0.05, "betas": (0.9, 0.999)}, seed=45)
    # A run far along: every run above starts from {} and stops by step 25, where a bias
    # correction dropped after a warm-up of 50 steps kept every point (session 34).
    _adam_late(student, reference, {"lr": 0.05, "betas": (0.9, 0.999)}, seed=29, steps=1000)


def _adam_late(student, reference, hyper, seed, steps):
    """One step from a state that has taken ``steps`` steps (its moments from a short run)."""
    problem = Quadratic(seed, SHAPES_A)
    params, state = [p.clone() for p in problem.start], {}
    for k in range(3):
        params, state = reference.adam_step(params, problem.grads(params, k), state, **hyper)
    state = {**state, "step": steps}
    grads = problem.grads(params, 3)
    got, got_state = _unpack("adam_step", student.adam_step(params, grads, state, **hyper), params)
    want, _ = reference.adam_step(params, grads, state, **hyper)
    what = f"adam_step given a state with state['step'] = {steps} (a run {steps} steps in)"
    if got_state.get("step") != steps + 1:
        fail(f"{what} returned state['step'] = {short_repr(got_state.get('step'))}; expected"
             f" {steps + 1}: count from the state you are given, state.get('step', 0) + 1.")
    if not _close(got, want):
        fail(f"{what} took another step than torch.optim.Adam's. At every step, however late,"
             " t = state['step'] + 1 and the bias correction divides m by 1 - beta1 ** t and v"
             f" by 1 - beta2 ** t: 1 - 0.999 ** {steps + 1} is {1 - 0.999 ** (steps + 1):.3f},"
             " not yet 1.")


@points(1, "adam_step")
def test_adam_keeps_inputs(student, reference):
    _no_in_place(student, reference, "adam_step", {"lr": 0.05, "betas": (0.9, 0.999)}, seed=18)


# -- hidden tests (instructor grading only: left out of the student edition) --------------------


@points(1, "adam_step", hidden=True)
def test_hidden_adam_other_problem(student, reference):
    # A few steps on settings no public test uses: the public tests follow 25 steps.
    _run(student, reference, "adam_step", {"lr": 0.05}, seed=9001, shapes=[(3, 3), (2,)],
         steps=8, watch=False)


@points(1, "sgd_step", hidden=True)
def test_hidden_sgd_other_lr_and_shapes(student, reference):
    _run(student, reference, "sgd_step", {"lr": 0.07}, seed=9011, shapes=[(2, 2, 2), (1,)],
         steps=8, watch=False)


@points(1, "momentum_step", hidden=True)
def test_hidden_momentum_other_settings(student, reference):
    _run(student, reference, "momentum_step", {"lr": 0.1, "momentum": 0.7}, seed=9021,
         shapes=[(3, 3), (2,)], steps=8, watch=False)


@points(1, "nesterov_step", hidden=True)
def test_hidden_nesterov_other_settings(student, reference):
    _run(student, reference, "nesterov_step", {"lr": 0.1, "momentum": 0.8}, seed=9031,
         shapes=[(2, 4), ()], steps=8, watch=False)


@points(1, "adagrad_step", hidden=True)
def test_hidden_adagrad_other_lr_and_eps(student, reference):
    _run(student, reference, "adagrad_step", {"lr": 0.25, "eps": 0.05}, seed=9041,
         shapes=[(3,), (2, 2)], scale=0.1, steps=8, watch=False)


@points(1, "rmsprop_step", hidden=True)
def test_hidden_rmsprop_other_alpha(student, reference):
    _run(student, reference, "rmsprop_step", {"lr": 0.02, "alpha": 0.95}, seed=9051,
         shapes=[(2, 3), (4,)], steps=8, watch=False)
