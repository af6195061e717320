"""What grading tests are written with: ``points``, ``fail``, ``expect_*``, ``with_grad``. Each
helper raises :class:`GradingFailure` with a teaching message; comparisons run here (trusted)."""

from __future__ import annotations

import ast
import functools
import importlib.util
import math
import re
import reprlib
import symtable
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import torch

from coursekit.grading.worker import UNSEEN


class GradingFailure(AssertionError):
    """A grading test failed; ``str(exc)`` is the teaching message shown to the student.
    ``raised``: when the student's function raised, the built-in classes its exception is an
    instance of, nearest first, so a check can ask ``"ValueError" in exc.raised``."""

    def __init__(self, message: str = "", raised: tuple[str, ...] = ()):
        super().__init__(message)
        self.raised = raised


# For the messages of gradient checks: the decorator hides the graph as .detach() does.
NO_GRAD = (" torch.tensor([...]) of values already computed copies them, and the way back is"
           " lost (torch.stack or indexing keeps it). Under torch.no_grad() or"
           " torch.inference_mode() (a decorator too), or after torch.set_grad_enabled(False)"
           " at the top of the module, autograd records nothing.")


def out_of_memory(failure: GradingFailure) -> bool:
    """Whether a call failed for memory: an allocation the limit refused, or the process tree
    stopped over the limit (the two messages ``isolation`` writes for them)."""
    return "ran out of memory" in str(failure) or "MiB of memory, its child" in str(failure)


def fail(message: str) -> None:
    """Fail the current grading test with ``message`` (say what is wrong and the likely cause)."""
    raise GradingFailure(message)


def points(n: float, exercise: str, *, hidden: bool = False) -> Callable:
    """Mark a grading test ``test_*(student, reference)`` as worth ``n`` points of ``exercise``
    (all or none); a ``hidden`` one is for instructor grading only (see the README)."""
    if not (isinstance(n, int | float) and n > 0):
        raise ValueError(f"points must be a positive number, got {n!r}")
    if not isinstance(exercise, str) or not exercise:
        raise ValueError("points() needs the exercise (function) name as its second argument")

    def decorate(test: Callable) -> Callable:
        test.grading_points = n
        test.grading_exercise = exercise
        test.grading_hidden = bool(hidden)
        return test

    return decorate


@dataclass(frozen=True)
class WithGrad:
    """A positional argument that reaches the student as a leaf tensor with ``.grad`` set."""

    tensor: torch.Tensor
    grad: torch.Tensor | None


def generator(seed: int) -> torch.Generator:
    """A CPU generator seeded with ``seed``, so that a test's inputs are the same on every run."""
    return torch.Generator().manual_seed(seed)


def seeded_randn(seed: int, shape, scale: float = 1.0, dtype=torch.float32) -> torch.Tensor:
    """``scale`` times standard normal values of ``shape``, drawn in float32, cast to ``dtype``;
    float64 ones then move by < 2**-26 of themselves (equal at float32's tolerance, not float64's),
    so float32 arithmetic inside shows, even in exact ops such as relu."""
    x = (scale * torch.randn(tuple(shape), generator=generator(seed))).to(dtype)
    if dtype == torch.float64:
        x = x * (1 + torch.rand(x.shape, generator=generator(seed + 2**32), dtype=dtype) * 2**-26)
    return x


def seeded_labels(seed: int, n: int, num_classes: int) -> torch.Tensor:
    """``n`` class indices in ``[0, num_classes)``: int64 of shape (n,)."""
    return torch.randint(0, num_classes, (n,), generator=generator(seed))


def ranks(values: torch.Tensor) -> torch.Tensor:
    """Each entry's rank among all of ``values``, over their number, in float64 of ``values``'
    shape: uniform on [0, 1) for independent draws of any continuous distribution."""
    flat = values.detach().flatten().double()
    r = torch.empty_like(flat)
    r[flat.argsort()] = torch.arange(len(flat), dtype=flat.dtype)
    return (r / len(flat)).reshape(values.shape)


def circular_unevenness(differences: torch.Tensor) -> float:
    """How far differences of :func:`ranks`, around the circle [0, 1), are from uniform, in
    standard deviations of the fullest or emptiest tenth: a few for independent draws, hundreds
    where one follows from the other (one pattern shifted by a random offset)."""
    share = torch.histc(torch.frac(differences.flatten() + 2), bins=10, min=0, max=1)
    share = share / differences.numel()
    return float((share - 0.1).abs().max() / math.sqrt(0.09 / differences.numel()))


def with_grad(tensor: torch.Tensor, grad: torch.Tensor | None) -> WithGrad:
    """Pass ``tensor`` to the student as a leaf with ``requires_grad=True`` and ``.grad = grad``
    (also inside a list/tuple argument); ``Outcome.args`` then holds its value after the call."""
    if type(tensor) is not torch.Tensor:
        raise TypeError("with_grad() needs a torch.Tensor")
    if grad is not None and grad.shape != tensor.shape:
        raise ValueError("with_grad(): grad must have the tensor's shape")
    return WithGrad(tensor.detach().clone(), None if grad is None else grad.detach().clone())


@dataclass
class Outcome:
    """One call of a student's function, as plain data."""

    value: Any  # what it returned (generators and iterators become lists)
    args: list = field(default_factory=list)  # the positional arguments after the call
    grads: list | None = None  # grad=True: d value.sum() / d each floating tensor, like args
    arg_grads: list | None = None  # each tensor argument's .grad after the call, like args
    shares: list = field(default_factory=list)  # positional arguments whose tensors the value
    # holds (or views of them), also inside lists, tuples and dicts on either side


def shape_str(shape) -> str:
    """``(10, 1)`` for a shape; ``(10,)`` for a vector; ``()`` for a scalar."""
    return str(tuple(map(int, shape)))


# A student's value quoted in a message: a few items and characters, never its whole repr
# (README: "Intake and bounds").
class _Short(reprlib.Repr):
    def repr1(self, x, level):
        # reprlib cuts a repr once whole, and torch elides nothing when every size is at most 6
        if isinstance(x, torch.Tensor) and x.numel() > 12:
            return f"<a tensor of shape {shape_str(x.shape)} and dtype {x.dtype}>"
        return super().repr1(x, level)


_SHORT = _Short()
_SHORT.maxlevel, _SHORT.maxstring, _SHORT.maxother = 2, 60, 60
short_repr = _SHORT.repr


def _describe(value, returned: bool = True) -> str:
    if type(value) is torch.Tensor:
        return f"a tensor of shape {shape_str(value.shape)} and dtype {value.dtype}"
    if value is None:
        return "None (did you forget a return statement?)" if returned else "None"
    name = type(value).__name__
    article = "an" if name[:1].lower() in "aeiou" else "a"  # "an int", "an ndarray"
    if isinstance(value, list | tuple):
        return f"{article} {name} of length {len(value)}"
    return f"{article} {name} ({short_repr(value)})"


def expect_tensor(value, what: str) -> torch.Tensor:
    """Fail unless ``value`` is a plain ``torch.Tensor``; return it."""
    if type(value) is not torch.Tensor:
        number = isinstance(value, int | float)  # float(), .item(), a NumPy scalar sent back
        fail(f"{what} should be a torch.Tensor, but it is {_describe(value)}." + number * (
            " Return the tensor itself: float(), int(), .item(), .tolist() and NumPy turn it"
            " into Python numbers (cut off from autograd)."))
    return value


def expect_shape(value, shape, what: str) -> torch.Tensor:
    """Fail unless ``value`` is a tensor of exactly ``shape``; return it (a vector where a
    column is expected gets a hint: (n,) and (n, 1) broadcast into an (n, n) matrix)."""
    value = expect_tensor(value, what)
    want, got = tuple(shape), tuple(value.shape)
    if got == want:
        return value
    message = f"{what}: expected shape {shape_str(want)}, got {shape_str(got)}."
    if math.prod(got) == 1 and (not want or not got):
        message += (
            " One number is expected as a 0-d tensor (shape ()): .sum() or .reshape(()) gives one;"
            " a tensor of shape (1,) or (1, 1) is not the same thing." if not want else
            " One value per example is expected, not a 0-d tensor: keep the example dimension"
            " (no .sum() or .mean() over it)."
        )
    elif math.prod(got) == math.prod(want) and len(got) != len(want):
        # the broadcasting trap is a vector for a column or back, not every reshape
        short, long = sorted((got, want), key=len)
        column = len(short) == 1 and long == short + (1,)
        message += (
            f" The values may be right but arranged differently: reshape to {shape_str(want)}"
            + (" (a vector of shape (n,) and a column of shape (n, 1) broadcast to an (n, n)"
               " matrix when combined)." if column else ".")
        )
    elif len(got) == 2 and len(want) == 2 and got[0] == got[1] == want[0] and want[1] == 1:
        message += (
            " An (n, n) result usually means a vector of shape (n,) was combined with a"
            " column of shape (n, 1) and broadcasting made a matrix: reshape one to match."
        )
    raise GradingFailure(message)


def expect_dtype(value, dtype: torch.dtype, what: str) -> torch.Tensor:
    """Fail unless ``value`` is a tensor of ``dtype``; return it."""
    value = expect_tensor(value, what)
    if value.dtype != dtype:
        fail(f"{what}: expected dtype {dtype}, got {value.dtype}.{_SAME_DTYPE}")
    return value


_SAME_DTYPE = (" Create tensors with the dtype of the inputs (e.g. dtype=X.dtype) rather than"
               " the default, and cast back (.to(x.dtype)) what you compute in another dtype.")


def expect_close(got, want, what: str, hint: str | None = None, rtol=None, atol=None) -> None:
    """Fail unless ``got`` matches ``want`` (as ``torch.testing.assert_close``; numbers as numbers,
    lists item by item), saying where and by how much; ``hint`` names the likely mistake."""
    suffix = f" {hint}" if hint else ""
    if type(want) is torch.Tensor:
        got = expect_shape(got, want.shape, what)
        if got.dtype != want.dtype:
            fail(f"{what}: expected dtype {want.dtype}, got {got.dtype}.{_SAME_DTYPE}{suffix}")
        if not all_close(got, want, rtol, atol, equal_nan=True):
            fail(_mismatch(got, want, what, rtol, atol) + suffix)
        return
    if isinstance(want, int | float) and not isinstance(want, bool):
        if type(got) is torch.Tensor and got.numel() == 1:
            got = got.item()
        if type(got) not in (int, float):
            fail(f"{what} should be a number, but it is {_describe(got)}.{suffix}")
        if not all_close(*torch.tensor([float(got), float(want)], dtype=torch.float64), rtol, atol):
            fail(f"{what}: expected {want!r}, got {got!r}.{suffix}")
        return
    if isinstance(want, list | tuple):
        if not isinstance(got, list | tuple) or len(got) != len(want):
            fail(
                f"{what}: expected a {type(want).__name__} of {len(want)} items,"
                f" got {_describe(got)}.{suffix}"
            )
        for i, (g, w) in enumerate(zip(got, want, strict=True)):
            expect_close(g, w, f"{what}[{i}]", hint, rtol, atol)
        return
    if got != want or type(got) is not type(want):
        fail(f"{what}: expected {want!r}, got {_describe(got)}.{suffix}")


# torch.testing.assert_close's defaults (rtol, atol) where a test gives none; other dtypes must be
# equal. float64 is held closer: float32 arithmetic inside passed torch's (1e-7, 1e-7), while
# honest float64 formulas agree within about 2e-11.
_DEFAULT_TOLERANCES = {torch.float16: (1e-3, 1e-5), torch.bfloat16: (1.6e-2, 1e-5),
                       torch.float32: (1.3e-6, 1e-5), torch.float64: (1e-9, 1e-11),
                       torch.complex64: (1.3e-6, 1e-5), torch.complex128: (1e-7, 1e-7)}  # fmt: skip


def float32_tolerances(want, rtol: float, atol: float) -> dict:
    """``expect_close``'s ``rtol`` and ``atol`` for a float32 ``want``; none for a float64 one,
    which is then held to the float64 defaults (float32 arithmetic inside shows there)."""
    return {} if getattr(want, "dtype", None) == torch.float64 else {"rtol": rtol, "atol": atol}


def _tolerances(dtype: torch.dtype, rtol, atol) -> tuple[float, float]:
    default_rtol, default_atol = _DEFAULT_TOLERANCES.get(dtype, (0.0, 0.0))
    return default_rtol if rtol is None else rtol, default_atol if atol is None else atol


def all_close(got: torch.Tensor, want: torch.Tensor, rtol=None, atol=None, equal_nan=False):
    """``torch.testing.assert_close``'s test, ``|got - want| <= atol + rtol * |want|``, for two
    tensors of one shape and dtype, as a bool (without its import of torch.distributed)."""
    rtol, atol = _tolerances(want.dtype, rtol, atol)
    if want.dtype is torch.bool:
        return torch.equal(got, want)
    return bool(torch.isclose(got, want, rtol=rtol, atol=atol, equal_nan=equal_nan).all())


def _digits(a: torch.Tensor, b: torch.Tensor, index: int) -> str:
    """``a``'s value at ``index`` with the digits that tell it from ``b``'s (6 at least)."""
    x, y = float(a.flatten()[index]), float(b.flatten()[index])
    return next((f"{x:.{n}g}" for n in range(6, 17) if f"{x:.{n}g}" != f"{y:.{n}g}"), f"{x:.17g}")


def _mismatch(got: torch.Tensor, want: torch.Tensor, what: str, rtol=None, atol=None) -> str:
    rtol, atol = _tolerances(want.dtype, rtol, atol)
    g, w = got.detach().double(), want.detach().double()
    if not torch.isfinite(g).all():
        bad = f"{int((~torch.isfinite(g)).sum())} of {g.numel()}"
        return f"{what}: {bad} values are inf or nan (overflow? a division by zero?)."
    diff = (g - w).abs()
    index = int(diff.argmax())
    where = tuple(map(int, torch.unravel_index(torch.tensor(index), g.shape))) if g.ndim else ()
    message = (
        f"{what}: the values do not match the expected ones;"
        f" {int((diff > atol + rtol * w.abs()).sum())} of {g.numel()} differ,"
        f" the largest difference is {float(diff.max()):.4g}"
        f" at index {where} (got {_digits(g, w, index)}, expected {_digits(w, g, index)})."
    )
    if want.dtype == torch.float64 and diff.max() < 1e-5 * w.abs().max() + 1e-9 and bool(
            (g.float().double() == g).all()):  # float32 numbers: a float32 round trip, not a guess
        message += (" The input is float64 but your values are float32 numbers (7 digits): a"
                    " result computed in float32 (.float(), torch.tensor(...)), then cast back.")
    mask = w.abs() > 1e-6  # every value off by one factor: say which
    ratios = g[mask] / w[mask]
    r = float(ratios.median()) if mask.any() else 1.0
    constant = torch.allclose(ratios, torch.full_like(ratios, r), rtol=1e-3, atol=1e-6)
    if abs(r - 1) < 1e-3 or r == 0 or not math.isfinite(r) or not constant:
        return message
    words = {-1: "the negatives of"}
    for k in (2, 3, 4, 10, 100):
        words.update({k: f"{k} times", 1 / k: f"1/{k} of"})
    near = next((text for k, text in words.items() if abs(r - k) < 1e-3 * abs(k)), None)
    if near is None and mask.sum() < 2:  # one value is always some factor off: only a round one
        return message
    return f"{message} Your values are {near or f'{r:.4g} times'} the expected ones."


def expect_unchanged(before, after, what: str) -> None:
    """Fail if ``after`` differs from ``before`` (an input modified in place)."""
    if type(before) is torch.Tensor:
        same = type(after) is torch.Tensor and after.shape == before.shape
        if not (same and torch.equal(after, before)):
            fail(
                f"{what} was modified in place. Do not change the inputs: compute a new tensor"
                " instead (e.g. x = x + 1, not x += 1 or x.add_(1))."
            )
        return
    if isinstance(before, list | tuple):
        if not isinstance(after, list | tuple) or len(after) != len(before):
            fail(f"{what} was modified in place (its length changed).")
        for i, (b, a) in enumerate(zip(before, after, strict=True)):
            expect_unchanged(b, a, f"{what}[{i}]")
        return
    if before != after:
        fail(f"{what} was modified in place.")


def run_grad_or_numpy(student, fn: str, *args, grad: bool = False, **kwargs):
    """``student.run(fn, *args, grad=grad, **kwargs)``; for a function whose docstring promises
    no gradient, once more without one where the learner's code raises (NumPy's .numpy()
    refuses a tensor that requires grad). The stub's NotImplementedError stays."""
    try:
        return student.run(fn, *args, grad=grad, **kwargs)
    except GradingFailure as failure:
        if not (grad and failure.raised) or "NotImplementedError" in failure.raised:
            raise
        return student.run(fn, *args, **kwargs)


def expect_raises(student, exc_name: str, fn: str, *args, why: str = "", **kwargs) -> str:
    """Fail unless ``student.<fn>(*args, **kwargs)`` raises the built-in exception ``exc_name``
    or a subclass of it (what ``except exc_name`` catches); the message says what the function
    did instead, then ``why``. The stub's NotImplementedError keeps its own message. Returns
    what it raised, ``"ValueError: its message"`` (the bare class name if it has none)."""
    shown = [f"tensor of shape {shape_str(a.shape)}" if isinstance(a, torch.Tensor) else repr(a)
             for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]  # fmt: skip
    call = f"{fn}({', '.join(shown)})"
    try:
        value = student.run(fn, *args, **kwargs).value
    except GradingFailure as err:
        if exc_name in err.raised:
            return str(err).partition(" raised ")[2].partition("\n")[0]
        if "NotImplementedError" in err.raised or not err.raised:
            raise  # the stub's message, or the call never ran (no module, timeout): as it is
        asserted = (f" An assert raises AssertionError (and python -O skips it): write `if ...:"
                    f" raise {exc_name}(...)`.") * ("AssertionError" in err.raised)  # fmt: skip
        said = str(err).partition('\n  File "')[0]  # what was raised; then its traceback
        said = said if len(said) <= 400 else f"{said[:200]} ... {said[-200:]}"  # its last line
        fail(f"{call} should raise {exc_name}, but: {said}{asserted} {why}")
    fail(f"{call} returned {short_repr(value)} instead of raising {exc_name}. {why}")


def not_by_hand(source: bytes, function: str, forbidden, apart=(), reached=()) -> list[str]:
    """The sorted uses that ``function`` of the module ``source``, and the module functions it
    calls (except the exercises in ``apart``, graded on their own), make of the torch names in
    ``forbidden`` (functions, methods or modules: ``"sigmoid"``, ``"functional"``) in any
    spelling (``x.sigmoid()``, ``F.relu``, ``from torch import sigmoid``); a function of the
    student's own with such a name is fine. ``apart``: names, or (name, its own rule) pairs.
    ``reached``: the torch functions its calls used, noted in the student process
    ("module.name", or "module.name@exercise,..." while exercises of ``apart`` ran): each is a
    use unless such an exercise's rule forbids it and its readable code uses it (it pays then).
    Code this process cannot read pays for nothing."""
    # What torch's modes cannot see counts for a rule of torch names; a "coursekit" rule alone
    # needs less: a hook of the calling thread sees the course's calls whatever runs beside it.
    forbidden = frozenset({*forbidden, *_unseen(forbidden)})
    rules = dict(a if isinstance(a, tuple) else (a, forbidden) for a in apart)
    used = _read_uses(source, function, forbidden, tuple(rules))
    if used or not reached:
        return used or []
    charged = set()
    for noted in reached:
        use, _, within = noted.partition("@")
        names = _names_of(use) & forbidden
        # another exercise pays only for what ran inside it and its own rule forbids
        if names and (used is None or not any(names <= _paid(source, other, rules[other], rules)
                                              for other in within.split(",") if other in rules)):
            charged.add(use)
    return sorted(charged)


def _unseen(rule) -> tuple:
    return (*UNSEEN, *_UNWATCHED) if set(rule) - {"coursekit"} else UNSEEN[2:]


def _paid(source: bytes, other: str, rule, rules: dict) -> set[str]:
    """The words of what exercise ``other`` uses in its readable code, under its own rule."""
    uses = _read_uses(source, other, frozenset({*rule, *_unseen(rule)}), tuple(rules)) or ()
    return {word for use in uses for word in re.split(r"\W+", use)}


# Native code of the student's own, and the student process's frames and objects (where the
# run-time record lives): no exercise needs them; where read, they count as unseen work.
_OUT_OF_SIGHT = ("ctypes", "_ctypes", "cffi", "CDLL", "PyDLL", "cdll", "pydll", "LoadLibrary",
                 "dlopen", "cpp_extension", "load_inline", "_getframe", "f_back", "f_locals",
                 "currentframe", "get_objects", "get_referrers")  # fmt: skip


def out_of_sight(use: str) -> bool:
    """Whether a use :func:`not_by_hand` found is work the grader cannot see (not a torch
    function a rule names)."""
    return use.startswith("(") or not set(re.split(r"\W+", use)).isdisjoint(_OUT_OF_SIGHT)


# What turns the student process's watch off or runs out of its sight (TorchScript compiled from
# a string; torch's Python references, seen as the plain ops they use): a use where it is read.
_UNWATCHED = ("_refs", "_decomp", "_prims", "DisableTorchFunction",
              "DisableTorchFunctionSubclass", "_pop_mode",
              "_pop_mode_temporarily", "_pop_torch_function_stack", "CompilationUnit",
              "_DisableTorchDispatch", "_pop_torch_dispatch_stack", "_unset_dispatch_mode",
              "_disable_current_modes", *_OUT_OF_SIGHT)  # fmt: skip
# Functions noted by module (torch's, the course library's): the rule's name for what is under each.
_RULE_OF_MODULE = (("torch.nn.functional.", "functional"), ("torch._C._nn.", "functional"),
                   ("torch.autograd.", "autograd"),
                   ("torch._ops.", "ops"), ("torch._functorch.", "func"), ("torch.func.", "func"),
                   ("coursekit.", "coursekit"))


def _names_of(reached: str) -> set[str]:
    """The names a rule may forbid that the noted torch function ``module.name`` answers to."""
    name = reached.rpartition(".")[2]  # an overload's op too: torch._ops.aten._softmax.default
    ops = set(reached.split(".")[3:]) if reached.startswith("torch._ops.") else set()
    # aten's *_backward ops (threshold_backward is ReLU's) are autograd's derivative formulas
    return {name, name.removeprefix("special_"), _bare(name), *map(_bare, ops),
            *["backward"] * name.endswith("_backward")
            } | {rule for prefix, rule in _RULE_OF_MODULE if reached.startswith(prefix)}


@functools.lru_cache(maxsize=64)  # each test of an exercise asks again: read a module once
def _read_uses(source: bytes, function: str, forbidden: frozenset, apart: tuple):
    """:func:`not_by_hand` reading the code only; None where it cannot (too deep for
    ``ast.parse``, or a case this reader did not foresee): the run-time record decides then,
    and the submission's other tests are not lost."""
    try:
        return _uses_in(source, function, forbidden, apart)
    except Exception:  # noqa: BLE001 - see above
        return None


# What a forbidden module offers that computes no gradient: vmap batches, functional_call runs a
# forward, a Function subclass is their own forward (its backward runs only through autograd).
_NO_GRADIENT = ("vmap", "functional_call", "Function")


@functools.lru_cache(maxsize=1)  # what no rule changes, found in one walk of the whole module
def _module(source: bytes):
    """(tree, imports, ids of what ``_NO_GRADIENT`` is taken of, module-level defs and what each
    name is bound to last, the defs that bind a name with ``global``, module-level patches,
    the names each scope holds that are not the module's: ``_scopes``, the ids of the
    module-level statements); None for a module too big to read (``_too_big``)."""
    # words first (about a node each): parsing 1 MB of them costs seconds and a gigabyte
    if sum(1 for _ in re.finditer(rb"\w+", source)) > 100_000:
        return None
    tree, imports, vmapped = ast.parse(source), [], set()
    if _too_big(tree):
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            imports.append(node)  # the module's own, and those of its defs (binding locals)
        elif isinstance(node, ast.Attribute) and node.attr in _NO_GRADIENT:
            vmapped.add(id(node.value))  # torch.func.vmap, not torch.func
    defs: dict[str, ast.AST] = {}
    setters: dict[str, list] = {}  # the defs that bind a name with `global`
    patches = []  # module-level `torch.x = ...`, `setattr(torch, "x", ...)`: count for all
    for node in _module_level(tree.body):  # what each module-level name is bound to last
        patches += [node] * _patches(node)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            defs[node.name] = node
            for n in (n for n in ast.walk(node) if isinstance(n, ast.Global)):
                setters.update((g, [*setters.get(g, []), node]) for g in n.names)
        for target, value in _bindings(node):
            defs.update((n.id, value) for n in ast.walk(target) if isinstance(n, ast.Name))
    top = {id(node) for node in _module_level(tree.body)}
    return tree, imports, vmapped, defs, setters, patches, _scopes(source), top


def _scopes(source: bytes) -> dict[tuple[str, int], set]:
    """For each function, lambda, comprehension and class, by (name, line): the names that are
    its own (parameters, locals, a closure's), which its code reads instead of the module's."""
    found: dict[tuple[str, int], set] = {}
    try:
        text = importlib.util.decode_source(source)
        todo = symtable.symtable(text, "<student>", "exec").get_children()
    except (SyntaxError, ValueError, RecursionError, MemoryError):  # read as the module's, then
        return found
    while todo:  # each set grows in place: thousands of lambdas on one line share one key
        table = todo.pop()
        own = found.setdefault((table.get_name(), table.get_lineno()), set())
        own.update(s.get_name() for s in table.get_symbols() if not s.is_global())
        todo += table.get_children()
    return found


_SCOPES = {ast.Lambda: "lambda", ast.ListComp: "listcomp", ast.SetComp: "setcomp",
           ast.DictComp: "dictcomp", ast.GeneratorExp: "genexpr"}  # symtable's names
_NAMED_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)  # by their own names


class _Own:
    """The names that are not the module's where a node stands: its scope's own, then those of
    the scopes around it. Linked, never copied: a copy per node costs nodes times names."""

    __slots__ = ("names", "outer")

    def __init__(self, names=frozenset(), outer=None):
        self.names, self.outer = names, outer

    def __contains__(self, name) -> bool:
        scope = self
        while scope is not None and name not in scope.names:
            scope = scope.outer
        return scope is not None


def _scoped(root, scopes: dict):
    """``ast.walk`` of ``root`` (no recursion: code nested thousands deep is read too), each node
    with the names that are not the module's where it stands (an :class:`_Own`). A def's
    defaults and decorators stand outside it; a class body's names are not seen from its defs."""
    none = _Own()
    todo = [(root, none, none)]  # a node, what it sees, what a def inside it would see
    while todo:
        node, sees, defs_see = todo.pop()
        yield node, sees
        name = node.name if isinstance(node, _NAMED_SCOPES) else _SCOPES.get(type(node))
        if name is None:
            todo += [(child, sees, defs_see) for child in ast.iter_child_nodes(node)]
            continue
        names = _Own(scopes.get((name, node.lineno), frozenset()), defs_see)
        inner = (names, defs_see) if isinstance(node, ast.ClassDef) else (names, names)
        args = getattr(node, "args", None)
        outside = {id(n) for n in [*getattr(node, "decorator_list", ()),
                                   *getattr(node, "bases", ()), *getattr(node, "keywords", ())]}
        if isinstance(args, ast.arguments):
            outside |= {id(n) for n in [*args.defaults, *args.kw_defaults] if n is not None}
        for child in ast.iter_child_nodes(node):
            for part in ast.iter_child_nodes(child) if child is args else [child]:
                todo.append((part, sees, defs_see) if id(part) in outside else (part, *inner))


def _too_big(tree) -> bool:
    """More than 50,000 nodes or scopes nested more than 50 deep: not read (the run-time record
    decides), since reading such code costs the grader's time and memory, outside any limit of
    the student's (``symtable`` of 1,000 nested lambdas: 30 s and 5 GB)."""
    todo, count = [(tree, 0)], 0
    while todo:
        node, depth = todo.pop()
        count += 1
        if count > 50_000 or depth > 50:
            return True
        depth += isinstance(node, _NAMED_SCOPES) or type(node) in _SCOPES
        todo += [(child, depth) for child in ast.iter_child_nodes(node)]
    return False


@functools.lru_cache(maxsize=1)
def _aten_ops() -> frozenset:
    """The names of aten's operators (those of any build, not only those loaded)."""
    return frozenset(op[6:].partition(".")[0] for op in torch._C._dispatch_get_all_op_names()
                     if op.startswith("aten::"))  # fmt: skip


def _bare(name: str) -> str:
    """A torch function's name without the spellings of its private kernels
    (``_foreach_sigmoid``, ``_prelu_kernel``, ``_softmax``)."""
    return name.removeprefix("_foreach_").strip("_").removesuffix("_kernel")


# TorchScript's symbolic differentiation runs its gradient graph as plain aten ops, which no mode
# tells from a hand-written chain rule: its entry point and its Gradient's fields are "autograd".
_JIT_AUTODIFF = frozenset({"_jit_differentiate", "df_input_vjps", "df_output_vjps",
                           "df_input_captured_inputs", "df_input_captured_outputs"})


def _forbids(forbidden: frozenset):
    """Whether a rule forbidding ``forbidden`` forbids a torch name (or its :func:`_bare` one):
    where it forbids "backward", aten's derivative formulas too (``threshold_backward`` is
    ReLU's; not ``save_for_backward``, which a Function written by hand calls); where it forbids
    "autograd", TorchScript's symbolic differentiation (``_JIT_AUTODIFF``)."""
    backward, autograd = "backward" in forbidden, "autograd" in forbidden
    return lambda name: name in forbidden or _bare(name) in forbidden or (
        backward and name.endswith("_backward") and name in _aten_ops()) or (
        autograd and name in _JIT_AUTODIFF)


def _uses_in(source: bytes, function: str, forbidden: frozenset, apart) -> list[str]:
    module = _module(source)
    if module is None:
        raise ValueError("too big to read: the run-time record decides")
    _, imports, vmapped, defs, setters, patches, scopes, top = module
    # Names bound to forbidden torch functions: the module's imports bind them for every def;
    # an import inside a def binds a local there, and counts where a def that holds it is read.
    aliases, stars, torchy, imported = {}, [], set(), {}
    forbids = _forbids(forbidden)
    for node in imports:
        module = getattr(node, "module", None) or ""
        for alias in node.names:
            parts = f"{module}.{alias.name}".strip(".").split(".")
            bound = alias.asname or (alias.name if module else parts[0])  # `import a.b` binds a
            if parts[0] in ("torch", "functorch"):  # names bound to torch or a part of it
                torchy.add(bound)
                stars += [module] * (alias.name == "*")
            named = parts if module or alias.asname else parts[:1]
            vmap = parts[-1] in _NO_GRADIENT  # from torch.func import vmap
            roots = ("torch", "functorch", "ctypes", "_ctypes", "cffi", "sys", "inspect", "gc")
            if parts[0] in roots and any(map(forbids, named)) and not vmap:
                if id(node) in top:
                    aliases[bound] = ".".join(parts)
                else:
                    imported.setdefault(id(node), []).append(".".join(parts))
    for name in forbidden - set(defs) if stars else ():  # from torch.special import *
        aliases.setdefault(name, f"{stars[0]}.{name}")
    if function not in defs and function in aliases:  # from torch import sigmoid
        return [aliases[function]]
    used, todo, seen, walked, classes = set(), [function], set(), set(), []
    while todo:
        name = todo.pop()
        if name in seen or (name not in defs and name not in setters) or (
                name in apart and name != function):  # fmt: skip
            continue
        seen.add(name)
        roots = ([defs[name]] if name in defs else []) + setters.get(name, []) + (
            patches if name == function else [])  # fmt: skip
        # each def or value once, however many names lead to it (else time grows as their square)
        roots = [root for root in roots if id(root) not in walked]
        walked.update(map(id, roots))
        for node, own in (n for root in roots for n in _scoped(root, scopes)):
            if isinstance(node, ast.Attribute) and id(node) in vmapped:  # torch.func of .vmap
                continue
            if id(node) in imported:  # `from torch import sigmoid` in a def read here
                used.update(("", name) for name in imported[id(node)])
            elif isinstance(node, ast.ClassDef):  # a class of theirs, here or in the module
                classes.append(node)
            if isinstance(node, ast.Attribute) and forbids(node.attr):
                root = _root(node)
                if root not in own and _theirs(defs.get(root), defs):
                    continue  # an object of theirs (read where it is made), not a tensor
                used.add((node.attr * (root not in torchy), _shown(node)))
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and (
                    node.id not in own):  # fmt: skip
                if node.id in aliases:
                    used.add(("", aliases[node.id]))
                todo.append(node.id)
    # Their classes' methods and class attributes, and what their methods set on self, are theirs
    # (Lin.backward), unless reached through torch; one handing work to torch's shows as it runs.
    members = set()
    for c in classes:
        for f in c.body:
            if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef):
                members.add(f.name)
                members.update(n.attr for n in ast.walk(f) if isinstance(n, ast.Attribute)
                               and isinstance(n.ctx, ast.Store) and _root(n) == "self")  # fmt: skip
            for target, _ in _bindings(f):
                members.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
    return sorted(text for attr, text in used if attr not in members)


def _theirs(made, defs) -> bool:
    """Whether a module-level name bound to ``made`` holds an object of the student's own (a
    class of theirs, or what their classes or functions, ``SimpleNamespace`` or ``namedtuple``
    made), whose attributes are then no tensor methods."""
    if isinstance(made, ast.ClassDef):
        return True
    maker = _root(made.func) if isinstance(made, ast.Call) else ""
    return maker in ("SimpleNamespace", "types", "namedtuple", "collections") or isinstance(
        defs.get(maker), ast.ClassDef | ast.FunctionDef | ast.Call)


def _shown(node: ast.Attribute) -> str:
    """The code of ``node`` for a message, at most 80 characters."""
    try:
        return ast.unparse(node)[:80]
    except RecursionError:  # an operand nested too deep for this process to write out
        return f"(...).{node.attr}"


def _root(node) -> str:
    """The name an expression starts from: ``torch`` for ``torch.tanh(x).backward``."""
    while isinstance(node, ast.Attribute | ast.Call | ast.Subscript):
        node = node.func if isinstance(node, ast.Call) else node.value
    return getattr(node, "id", "")


def _module_level(body):
    """The module's statements, also those inside its if/try/with/for/while blocks (a def under
    ``if True:`` is the module's too), not those inside a def or class."""
    for node in body:
        yield node
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            for field in ("body", "orelse", "finalbody", "handlers"):
                yield from _module_level(getattr(node, field, []))


def _patches(node) -> bool:
    """A module-level statement that stores into an attribute (``torch.x = ...``,
    ``setattr(torch, "x", ...)``, ``vars(torch).update(...)``, ``torch.__dict__["x"] = ...``;
    not an item of a dict of its own) rather than binding a name."""
    targets = getattr(node, "targets", None) or [getattr(node, "target", None)]
    call = node.value if isinstance(node, ast.Expr) else None
    func = getattr(call, "func", None)
    return any(isinstance(t, ast.Attribute) or isinstance(t, ast.Subscript)
               and not isinstance(t.value, ast.Name) for t in targets) or (
        isinstance(func, ast.Name) and func.id == "setattr") or (
        isinstance(func, ast.Attribute) and func.attr in ("update", "setdefault", "__setattr__"))


def _bindings(node):
    """(target, value) of each name a module-level statement binds: ``a, b = ...``, ``for a
    in ...``, ``with ... as a``, ``(a := ...)``."""
    if isinstance(node, ast.Assign):
        yield from ((target, node.value) for target in node.targets)
    elif isinstance(node, ast.AnnAssign) and node.value is not None:
        yield node.target, node.value
    elif isinstance(node, ast.For | ast.AsyncFor):
        yield node.target, node.iter
    elif isinstance(node, ast.With | ast.AsyncWith):
        yield from ((i.optional_vars, i.context_expr) for i in node.items if i.optional_vars)
    if not hasattr(node, "body"):  # a simple statement: its walrus expressions
        yield from ((n.target, n.value) for n in ast.walk(node) if isinstance(n, ast.NamedExpr))
