"""Recorded reference answers: what lets the student edition grade without the reference code.

At release time each public grading test runs with a :class:`Recorder` in place of the
reference module: every call the test makes (``reference.sigmoid(x)``) goes to the real
reference, and its inputs, its value, the inputs it changed in place and, when the test runs
``backward()`` through it, the gradients it sent back are written down. The recordings are
stored per chapter in the grader's wire format (``coursekit/grading/wire.py``: plain tensors,
numbers, strings and containers; nothing in it can name code to run).

In the edition, :class:`Replay` stands in for the reference module: a call is answered with
the recorded value of the same function on the same inputs (tensors compared with a tolerance
of 1e-5, so that another CPU's last bits do not matter), so the tests and their teaching
messages are the same as in the instructor's repository.
"""

from __future__ import annotations

import math
from pathlib import Path

import torch

from coursekit.grading import wire

FORMAT = "coursekit-recordings/2"


def _tensors(value) -> list[torch.Tensor]:
    """The tensors inside nested lists, tuples and dicts, depth first."""
    if isinstance(value, torch.Tensor):
        return [value]
    if isinstance(value, list | tuple):
        return [t for item in value for t in _tensors(item)]
    if isinstance(value, dict):
        return [t for item in value.values() for t in _tensors(item)]
    return []


def _map(value, fn):
    """``value`` with every tensor ``t`` replaced by ``fn(t)``."""
    if isinstance(value, torch.Tensor):
        return fn(value)
    if isinstance(value, list | tuple):
        return type(value)(_map(item, fn) for item in value)
    if isinstance(value, dict):
        return {k: _map(v, fn) for k, v in value.items()}
    return value


def _plain(value):
    """A detached copy: lists for tuples of arguments, generators read into lists."""
    if hasattr(value, "__next__") and not isinstance(value, torch.Tensor):
        value = list(value)
    return _map(value, lambda t: t.detach().clone())


def same(a, b) -> bool:
    """Whether recorded inputs ``a`` and inputs ``b`` are the same (tensors within 1e-5)."""
    if isinstance(a, torch.Tensor) or isinstance(b, torch.Tensor):
        if not (isinstance(a, torch.Tensor) and isinstance(b, torch.Tensor)):
            return False
        if a.dtype != b.dtype or a.shape != b.shape:
            return False
        if torch.equal(a, b):  # most recorded calls come again unchanged: 30x cheaper
            return True
        if a.is_floating_point() or a.is_complex():
            return torch.allclose(a, b.detach(), rtol=1e-5, atol=1e-7, equal_nan=True)
        return False
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-9)
    return type(a) is type(b) and a == b


class _Autograd(torch.autograd.Function):
    """One reference call as a single autograd node: records, or replays, its gradients."""

    @staticmethod
    def forward(ctx, box, *leaves):
        ctx.box = box
        if box.get("replay"):
            return box["entry"]["value"].clone()
        copies = [leaf.detach().requires_grad_() for leaf in leaves]
        swap = {id(leaf): copy for leaf, copy in zip(leaves, copies, strict=True)}
        args, kwargs = _map((box["args"], box["kwargs"]), lambda t: swap.get(id(t), t))
        with torch.enable_grad():
            out = box["fn"](*args, **kwargs)
        box["out"], box["copies"] = out, copies
        return out.detach().clone()

    @staticmethod
    def backward(ctx, grad_out):
        # The gradients sent back depend on the one that came in (a check scales a loss by
        # c != 1, or sends a random one): each is recorded with the incoming one it answers.
        box = ctx.box
        if box.get("replay"):
            for incoming, grads in box["entry"]["grads"]:
                if same(incoming, grad_out):
                    return (None, *(None if g is None else g.clone() for g in grads))
            raise _not_recorded(box["entry"]["fn"])
        grads = torch.autograd.grad(box["out"], box["copies"], grad_out, allow_unused=True)
        box["entry"]["grads"].append([grad_out.detach().clone(),
                                      [None if g is None else g.detach().clone() for g in grads]])
        return (None, *grads)


def _not_recorded(name: str) -> AssertionError:
    from coursekit.grading.api import GradingFailure

    return GradingFailure(
        f"this check compares with a recorded answer, and none was recorded for {name}() on"
        " the inputs it reached (they depend on your function's result, which differs from the"
        " expected one). Fix the other messages of this exercise first; the instructor's grader"
        " has the full check."
    )


def _leaves(args, kwargs) -> tuple[int, ...]:
    """Which of the call's tensors require grad, by position: a call on the same values with
    other leaves (the target's gradient asked for, or not) sends back other gradients."""
    return tuple(i for i, t in enumerate(_tensors((args, kwargs))) if t.requires_grad)


def _signature(value):
    """What ``same`` compares exactly: the nesting, the types, each tensor's dtype and shape,
    but no value (it compares tensors and floats within a tolerance). Inputs of different
    signatures are never ``same``, so a search compares only the calls of the same signature."""
    if isinstance(value, torch.Tensor):
        return ("tensor", value.dtype, tuple(value.shape))
    if isinstance(value, list | tuple):  # ``same`` takes a list and a tuple alike
        return ("sequence", tuple(_signature(v) for v in value))
    if isinstance(value, dict):  # ``same`` compares the keys as a set
        return ("dict", frozenset((k, _signature(v)) for k, v in value.items()))
    if isinstance(value, float):
        return ("float",)
    return ("other", type(value))


def _firsts(value) -> list:
    """The first element of each tensor in the (positional) arguments ``value``, as a Python
    number (None for an empty tensor); dicts are skipped (their order is not compared)."""
    if isinstance(value, torch.Tensor):
        return [value.reshape(-1)[0].item() if value.numel() else None]
    if isinstance(value, list | tuple):
        return [x for item in value for x in _firsts(item)]
    return []


def _far(a, b) -> bool:
    """Whether two first elements show that their tensors cannot be ``same``: integers that
    differ, or finite floats twice as far apart as ``same`` allows (so that float32 rounding
    never turns away a call ``same`` would take). Anything else is left to ``same``."""
    if isinstance(a, bool | int) and isinstance(b, bool | int):
        return a != b
    if isinstance(a, float) and isinstance(b, float) and math.isfinite(a) and math.isfinite(b):
        return abs(a - b) > 2 * (1e-7 + 1e-5 * max(abs(a), abs(b)))
    return False


class _Calls:
    """The recorded calls of one test, in order, indexed by function, autograd and signature,
    each with the first elements of its tensors: a test makes thousands of calls of the same
    shapes (the optimizer checks), and comparing each with every call before it (``same``,
    ``torch.allclose``) took most of the release's time. Those whose first elements are far
    apart are passed over; the others are compared by ``same``, as before."""

    def __init__(self, calls: list[dict]):
        self.calls = calls
        self._by_key: dict[tuple, list[tuple[list, dict]]] = {}
        for entry in calls:
            self._index(entry)

    def _bucket(self, name: str, args, kwargs, grad) -> list[tuple[list, dict]]:
        key = (name, tuple(grad), _signature(args), _signature(kwargs))
        return self._by_key.setdefault(key, [])

    def _index(self, entry: dict) -> None:
        bucket = self._bucket(entry["fn"], entry["args"], entry["kwargs"], entry["grad"])
        bucket.append((_firsts(entry["args"]), entry))

    def find(self, name: str, args, kwargs, grad) -> dict | None:
        """The first recorded call of ``name`` on the same inputs (with the same leaves, those
        that require grad: :func:`_leaves`): the first of its bucket, as no call of another
        bucket can be the same."""
        firsts = _firsts(args)  # the same signature: the same tensors, in the same order
        for recorded, entry in self._bucket(name, args, kwargs, grad):
            if any(_far(a, b) for a, b in zip(recorded, firsts, strict=True)):
                continue
            if same(entry["args"], args) and same(entry["kwargs"], kwargs):
                return entry
        return None

    def add(self, entry: dict) -> None:
        self.calls.append(entry)
        self._index(entry)


class _RecordingView:
    """The reference module as one test sees it while its calls are recorded."""

    def __init__(self, module, log: dict, calls: _Calls):
        self._module, self._log, self._calls = module, log, calls

    def __getattr__(self, name: str):
        obj = getattr(self._module, name)
        if not callable(obj):
            self._log["attrs"][name] = _plain(obj)
            return obj

        def call(*args, **kwargs):
            return self._call(name, obj, list(args), kwargs)

        return call

    def _call(self, name, fn, args, kwargs):
        inputs = _tensors(args)
        before = [t.detach().clone() for t in inputs]
        leaves = [t for t in _tensors((args, kwargs)) if t.requires_grad]
        grad = _leaves(args, kwargs)
        # A call made before on the same inputs: its entry gets this call's gradients too.
        known = self._calls.find(name, args, kwargs, grad)
        entry = known or {"fn": name, "args": _plain(args), "kwargs": _plain(kwargs),
                          "grad": grad, "grads": []}  # fmt: skip
        if leaves:
            box = {"fn": fn, "args": args, "kwargs": kwargs, "entry": entry}
            value = _Autograd.apply(box, *leaves)
        else:
            value = fn(*args, **kwargs)
        if known is None:
            entry["value"] = _plain(value)
            entry["after"] = [
                None if same(b, t) else t.detach().clone()
                for b, t in zip(before, inputs, strict=True)
            ]
            self._calls.add(entry)
        return value


class Recorder:
    """Stands for the reference module while public tests run; collects what they call.

    ``runner.run_check`` asks for :meth:`for_test` before each test.
    """

    def __init__(self, module):
        self.module = module
        self.tests: dict[str, dict] = {}
        self._calls: dict[str, _Calls] = {}  # the index of each test's calls (not saved)

    def for_test(self, name: str) -> _RecordingView:
        log = self.tests.setdefault(name, {"calls": [], "attrs": {}})
        calls = self._calls.setdefault(name, _Calls(log["calls"]))
        return _RecordingView(self.module, log, calls)

    def save(self, path: Path, chapter: str) -> None:
        data = {"format": FORMAT, "chapter": chapter, "torch": str(torch.__version__),
                "tests": self.tests}  # fmt: skip
        Path(path).write_bytes(wire.encode(data))


class _ReplayView:
    def __init__(self, chapter: str, test: str, log: dict):
        self._chapter, self._test, self._log = chapter, test, log
        self._calls = _Calls(log["calls"])

    def __getattr__(self, name: str):
        if name in self._log["attrs"]:
            return self._log["attrs"][name]

        def call(*args, **kwargs):
            return self._call(name, list(args), kwargs)

        return call

    def _call(self, name, args, kwargs):
        leaves = [t for t in _tensors((args, kwargs)) if t.requires_grad]
        entry = self._calls.find(name, args, kwargs, _leaves(args, kwargs))
        if entry is None:
            raise _not_recorded(name)
        for t, after in zip(_tensors(args), entry["after"], strict=False):
            if after is not None:
                with torch.no_grad():
                    t.copy_(after)
        if leaves and isinstance(entry["value"], torch.Tensor):
            return _Autograd.apply({"replay": True, "entry": entry}, *leaves)
        return _map(entry["value"], torch.clone)


class Replay:
    """The recorded answers of one chapter, used where the reference module would be."""

    def __init__(self, data: dict):
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} file")
        self.chapter, self.tests = data["chapter"], data["tests"]

    @classmethod
    def load(cls, path: Path) -> Replay:
        return cls(wire.decode(Path(path).read_bytes()))

    def for_test(self, name: str) -> _ReplayView:
        return _ReplayView(self.chapter, name, self.tests.get(name, {"calls": [], "attrs": {}}))
