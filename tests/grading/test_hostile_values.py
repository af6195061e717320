"""Values whose repr costs the grader far more than their size: in every chapter each function
returns a dict holding thousands of tensors (each tensor's repr takes a fraction of a
millisecond, so a reply of a million took the trusted process minutes that no time budget
counts), and a 50 MB string (its repr is four times that). A message quotes a few items of a
student's value, never all of it. And answers that do nothing (return None, their first
argument, a zero, or always raise ValueError) earn no point anywhere. Instructor only (needs the
reference).
"""

from __future__ import annotations

import ast
import base64
import io
import shutil
import time
import tracemalloc
import types

import pytest
import torch

from coursekit.grading import GradingFailure, expect_raises, expect_tensor, report, runner
from coursekit.grading.isolation import InProcessStudent

CHAPTERS = runner.chapters()
MANY = 3000
HOSTILE = f"""

import torch as _torch

_MANY = {{"many": [_torch.zeros(())] * {MANY}}}


def _many(*args, **kwargs):
    return _MANY


def adam_step(params, grads, state, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    return [p.clone() for p in params], {{"step": _MANY["many"], "m": [], "v": []}}
"""


def _functions(chapter: str) -> list[str]:
    source = (runner.EXERCISES_DIR / f"{chapter}.py").read_text()
    return [n.name for n in ast.parse(source).body if isinstance(n, ast.FunctionDef)]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_messages_quote_a_few_tensors_of_thousands(chapter, grading_worker, tmp_path,
                                                   monkeypatch):  # fmt: skip
    names = _functions(chapter)
    source = (runner.REFERENCE_DIR / f"{chapter}.py").read_text() + HOSTILE
    source += "".join(f"{name} = _many\n" for name in names if name != "adam_step")
    module = tmp_path / f"{chapter}.py"
    module.write_text(source)
    shown, tensor_repr = [], torch.Tensor.__repr__

    def counted(self, *args, **kwargs):
        shown.append(1)
        return tensor_repr(self, *args, **kwargs)

    monkeypatch.setattr(torch.Tensor, "__repr__", counted)
    result = runner.grade_modules({chapter: module}, worker=grading_worker, name="many")
    assert all(t.score == 0 for t in result.tests)
    assert len(shown) <= 50 * len(result.tests), f"{len(shown)} tensors shown"


def test_a_huge_string_is_quoted_without_a_copy():
    text = "\0" * 50_000_000
    tracemalloc.start()
    try:
        with pytest.raises(GradingFailure, match="str"):
            expect_tensor(text, "the result")

        class Student:  # what student.run gives when a function returns instead of raising
            def run(self, fn, *args, **kwargs):
                return type("Outcome", (), {"value": text})

        with pytest.raises(GradingFailure, match="instead of raising"):
            expect_raises(Student(), "ValueError", "f")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000, f"{peak:,} bytes allocated to quote a 50 MB string"


# Answers that do nothing: each earned points in some chapter's "leaves its inputs alone" or
# "rejects a bad argument" test (`return None` leaves the inputs alone; a function that always
# raises ValueError rejects every argument), or got the generic message (an empty data_iter, an
# empty tensor from best_epoch).
NOTHING = {
    "none": "return None",
    "first_argument": "return args[0] if args else None",
    "zero": "return _torch.zeros(())",
    "always_raises": "raise ValueError('no')",
    "empty_list": "return []",
    "empty_tensor": "return _torch.zeros(0)",
}
GENERIC = ("grader error", "the grader could not use what your code returned")


@pytest.mark.parametrize("body", NOTHING)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_an_answer_that_does_nothing_earns_nothing(chapter, body, grading_worker, tmp_path):
    source = "import torch as _torch\n" + "".join(
        f"def {name}(*args, **kwargs):\n    {NOTHING[body]}\n" for name in _functions(chapter)
    )
    module = tmp_path / f"{chapter}.py"
    module.write_text(source)
    result = runner.grade_modules({chapter: module}, worker=grading_worker, name=body)
    assert [t.name for t in result.tests if t.score] == []
    # Each is an honest mistake too: the student is told what is wrong, in the check's words.
    assert [t.name for t in result.tests if t.output.startswith(GENERIC)] == []


def _reference_with(hostile: str, chapter: str, worker, tmp_path, exercises=None):
    """Grade the reference answers of ``chapter`` with ``hostile`` appended (it overrides them);
    only the tests of ``exercises`` when given."""
    module = tmp_path / f"{chapter}.py"
    module.write_text((runner.REFERENCE_DIR / f"{chapter}.py").read_text() + hostile)
    return runner.grade_modules({chapter: module}, worker=worker, name=chapter,
                                exercises=exercises)  # fmt: skip



def test_a_message_with_lone_surrogates_can_be_printed(grading_worker, tmp_path):
    """A str may hold lone surrogates ("\\ud800"), which no UTF-8 output accepts: `check` died
    printing the table (UnicodeEncodeError) when an exception message quoted one."""
    hostile = "\n\ndef l1_loss(*args, **kwargs):\n    raise ValueError('\\ud800 no')\n"
    result = _reference_with(hostile, "losses", grading_worker, tmp_path)
    table = report.student_table(result)
    assert "no" in table and table.encode("utf-8")


def test_a_message_names_no_folder_of_the_grading_machine(grading_worker, tmp_path):
    """TorchScript quotes its traceback in its exception's message: the student read the run
    folder's path (/tmp/coursekit-grading-.../losses.py), and a check that expects a ValueError
    cut the message before its last line, the one that says what was raised."""
    hostile = ("\n\n_l1_loss = l1_loss\n\n"
               "def l1_loss(y_hat, y, reduction='mean'):\n"
               "    if reduction in ('none', 'mean', 'sum'):\n"
               "        return _l1_loss(y_hat, y, reduction)\n"
               "    raise RuntimeError(f'File {__file__} {\"x\" * 500} the last ' + 'line')\n")
    result = _reference_with(hostile, "losses", grading_worker, tmp_path, {"l1_loss"})
    outputs = [t.output for t in result.tests if not t.passed]
    assert outputs and all("coursekit-grading" not in out for out in outputs), outputs
    assert any("File losses.py" in out for out in outputs), outputs
    assert any("should raise ValueError" in out and "the last line" in out for out in outputs)


def test_data_loader_workers_are_told_to_load_in_their_own_process(grading_worker, tmp_path):
    """d2l's data_iter: a DataLoader with worker processes. Where the student process may write
    only in its folder (a mount namespace of its own), they cannot start (their queues' locks
    live in /dev/shm): the message said only "OSError: Read-only file system" from deep in
    multiprocessing; it now says why, and what to write. Where they can start: every point."""
    hostile = ("\n\nfrom torch.utils import data as _data\n\n"
               "def data_iter(batch_size, features, labels):\n"
               "    dataset = _data.TensorDataset(features, labels)\n"
               "    yield from _data.DataLoader(dataset, batch_size, True, num_workers=2)\n")
    result = _reference_with(hostile, "linear_regression", grading_worker, tmp_path, {"data_iter"})
    lost = [t.output for t in result.tests if not t.passed]
    assert result.tests and all("num_workers=0" in output for output in lost), lost


def test_data_iter_repeating_one_example_loses_the_vector_labels_point(grading_worker, tmp_path):
    """Ten copies of example 0 are ten examples, not "every example once"."""
    hostile = ("\n\ndef data_iter(batch_size, features, labels):\n"
               "    for i in range(0, len(features), batch_size):\n"
               "        idx = [0] * len(features[i:i + batch_size])\n"
               "        yield features[idx], labels[idx]\n")  # fmt: skip
    result = _reference_with(hostile, "linear_regression", grading_worker, tmp_path)
    vector = [t for t in result.tests if t.name == "test_data_iter_vector_labels"]
    assert vector and vector[0].score == 0  # (the batch sizes are right: that test passes)


def test_data_iter_of_many_batches_is_refused_at_once(grading_worker, tmp_path):
    """20,000 one-row batches (100,000 are allowed in a reply): the checks looked at each one,
    seconds per call in the grader that no time budget counts. More batches than examples is
    wrong whatever they hold, and said at once."""
    hostile = ("\n\ndef data_iter(batch_size, features, labels):\n"
               "    for i in range(20_000):\n"
               "        yield features[i % len(features):][:1], labels[i % len(features):][:1]\n")
    spent, start = grading_worker.spent, time.perf_counter()
    result = _reference_with(hostile, "linear_regression", grading_worker, tmp_path)
    trusted = time.perf_counter() - start - (grading_worker.spent - spent)
    tests = [t for t in result.tests if t.exercise == "data_iter"]
    assert tests and all(t.score == 0 for t in tests)
    assert any("yielded 20,000 batches for 100 examples" in t.output for t in tests)
    assert trusted < 5, f"{trusted:.1f} s in the grader"


# Autograd under other names, each of which earned every point of a "by hand, no autograd"
# exercise: autograd's own node, (X @ W).grad_fn(dY), without the words "backward" or
# "autograd"; functorch, torch.func's former name (still shipped with torch); and
# torch.ops.aten.threshold_backward, the kernel autograd runs for ReLU's derivative.
# (chapter, exercises, the name the message must give, the override)
AUTOGRAD_ELSEWHERE = {
    "grad_fn": (
        "mlp", {"linear_backward"}, "grad_fn",
        "def linear_backward(X, W, dY):\n"
        "    X, W = X.detach().requires_grad_(), W.detach().requires_grad_()\n"
        "    dX, dW = (X @ W).grad_fn(dY)\n"
        "    return dX, dW, dY.sum(0)\n"
    ),
    "functorch-mlp": (
        "mlp", {"mlp_backward", "relu_backward"}, "functorch",
        "import functorch\nimport functorch as ft\nimport torch.nn.functional as F\n\n"
        "def mlp_backward(X, y, W1, b1, W2, b2):\n"
        "    def loss(*p):\n"
        "        return F.cross_entropy((X @ p[0] + p[1]).clamp(min=0) @ p[2] + p[3], y)\n"
        "    return tuple(ft.grad(loss, argnums=(0, 1, 2, 3))(W1, b1, W2, b2))\n\n"
        "def relu_backward(Z, dH):\n"
        "    return functorch.vjp(lambda Z: Z.clamp(min=0), Z)[1](dH)[0]\n"
    ),
    "functorch-activations": (
        "activations", {"relu_grad"}, "functorch",
        "import functorch\n\n"
        "def relu_grad(x):\n"
        "    f = functorch.vmap(functorch.grad(lambda t: torch.clamp(t, min=0)))\n"
        "    return f(x.reshape(-1)).reshape(x.shape)\n"
    ),
    "torch.ops": (
        "mlp", {"relu_backward"}, "torch.ops",
        "def relu_backward(Z, dH):\n"
        "    return torch.ops.aten.threshold_backward(dH, Z, 0.0)\n"
    ),
    # Not autograd: torch's own sigmoid put under another name at the top of the module, where
    # the rule, which reads only the functions, did not look (26/26 of activations' sigmoid).
    "setattr": (
        "activations", {"sigmoid"}, "torch.sigmoid",
        "setattr(torch, 'logistic', torch.sigmoid)\n\n"
        "def sigmoid(x):\n"
        "    return torch.logistic(x)\n"
    ),
    # Reached without being named where the code can be read: by a string, by a patch that a
    # function makes, through the module's dict. Each earned every point; the student process
    # now notes the torch functions a "by hand" exercise's calls use, however reached.
    "getattr": (
        "activations", {"sigmoid"}, "torch.sigmoid",
        "def sigmoid(x):\n"
        "    return getattr(torch, 'sig' + 'moid')(x)\n"
    ),
    "patch-in-a-function": (
        "activations", {"relu"}, "torch.relu",
        "def _setup():\n"
        "    torch.rectify = torch.relu\n\n"
        "_setup()\n\n"
        "def relu(x):\n"
        "    return torch.rectify(x)\n"
    ),
    "vars": (
        "activations", {"leaky_relu"}, "leaky_relu",
        "_d = vars(torch.nn.modules.activation.F)\n"
        "_d['leaky'] = _d['leaky' + '_relu']\n\n"
        "def leaky_relu(x, negative_slope=0.01):\n"
        "    return torch.nn.modules.activation.F.leaky(x, negative_slope)\n"
    ),
    "eval": (
        "losses", {"mse_loss"}, "mse_loss",
        "def mse_loss(y_hat, y, reduction='mean'):\n"
        "    return eval('torch.nn.' + 'functional.mse' + '_loss')(y_hat, y, reduction=reduction)\n"
    ),
    "import-by-name": (
        "mlp", {"linear_backward"}, "torch.autograd.grad",
        "def linear_backward(X, W, dY):\n"
        "    engine = __import__('importlib').import_module('torch.' + 'auto' + 'grad')\n"
        "    X, W = X.detach().requires_grad_(), W.detach().requires_grad_()\n"
        "    dX, dW = engine.grad(X @ W, (X, W), dY)\n"
        "    return dX, dW, dY.sum(0)\n"
    ),
    # A class of their own whose method has torch's name is theirs (fast.ai's Lin.backward,
    # outside/sets/micrograd_fastai), but not when that method hands the work to torch's.
    "own-method-wraps-autograd": (
        "mlp", {"mlp_backward"}, "torch.Tensor.backward",
        "class Net:\n"
        "    def __init__(self, *p):\n"
        "        self.p = [t.detach().requires_grad_() for t in p]\n"
        "    def backward(self, X, y):\n"
        "        W1, b1, W2, b2 = self.p\n"
        "        O = (X @ W1 + b1).clamp(min=0) @ W2 + b2\n"
        "        self.loss = (O.logsumexp(1) - O[range(len(y)), y]).mean()\n"
        "        self.loss.backward()\n"
        "        return tuple(t.grad for t in self.p)\n\n"
        "def mlp_backward(X, y, W1, b1, W2, b2):\n"
        "    return Net(W1, b1, W2, b2).backward(X, y)\n"
    ),
    # torch.func.vmap computes no gradient (outside/sets/modern_torch's numerical_gradient
    # batches its nudges with it), but the torch.func.grad it maps does.
    "vmap-of-grad": (
        "activations", {"sigmoid_grad"}, "torch.func",
        "def sigmoid_grad(x):\n"
        "    f = torch.func.vmap(torch.func.grad(lambda t: (1 + torch.tanh(t / 2)) / 2))\n"
        "    return f(x.reshape(-1)).reshape(x.shape)\n"
    ),
    "own-method-wraps-torch": (
        "activations", {"sigmoid", "relu"}, "torch.",
        "class Act:\n"
        "    def sigmoid(self, x):\n"
        "        return x.sigmoid()\n"
        "    def relu(self, x):\n"
        "        return torch.relu(x)\n\n"
        "sigmoid, relu = Act().sigmoid, Act().relu\n"
    ),
    # Out of the watch's sight, none naming the grader (each earned every point): torch's
    # function run in a thread, in a forked child, in the __torch_function__ of a tensor
    # subclass (a torch function mode is off while a subclass's code runs), lazily when the
    # grader copies the value out, after 256 other torch functions filled the list of those
    # noted, or with torch functions turned off by name.
    "thread": (  # the message says what the grader cannot do, not that a rule forbids threads
        "activations", {"sigmoid"}, "cannot check that it keeps its docstring's rules",
        "from concurrent.futures import ThreadPoolExecutor\n\n"
        "def sigmoid(x):\n"
        "    with ThreadPoolExecutor(1) as pool:\n"
        "        return pool.submit(getattr(torch, 'sig' + 'moid'), x).result()\n"
    ),
    "helper-thread": (
        "activations", {"relu"}, "another thread or process",
        "import queue as _queue\nimport threading as _threading\n\n"
        "_TODO, _DONE = _queue.Queue(), _queue.Queue()\n\n"
        "def _helper():\n"
        "    while True:\n"
        "        _DONE.put(getattr(torch, 're' + 'lu')(_TODO.get()))\n\n"
        "_threading.Thread(target=_helper, daemon=True).start()\n\n"
        "def relu(x):\n"
        "    _TODO.put(x)\n"
        "    return _DONE.get()\n"
    ),
    "fork": (
        "mlp", {"relu_backward"}, "another thread or process",
        "import os as _os\n\n"
        "def relu_backward(Z, dH):\n"
        "    r, w = _os.pipe()\n"
        "    if _os.fork() == 0:\n"
        "        f = eval('torch.ops.aten.threshold' + '_backward')\n"
        "        _os.write(w, f(dH, Z, 0.0).double().numpy().tobytes())\n"
        "        _os._exit(0)\n"
        "    data = b''\n"
        "    while len(data) < dH.numel() * 8:\n"
        "        data += _os.read(r, 1 << 16)\n"
        "    out = torch.frombuffer(bytearray(data), dtype=torch.float64)\n"
        "    return out.reshape(dH.shape).to(dH.dtype)\n"
    ),
    "subclass": (
        "activations", {"sigmoid"}, "tensor subclass",
        "class _Neg(torch.Tensor):\n"
        "    @classmethod\n"
        "    def __torch_function__(cls, func, types, args=(), kwargs=None):\n"
        "        if func is torch.Tensor.neg:\n"
        "            return getattr(torch, 'sig' + 'moid')(args[0].as_subclass(torch.Tensor))\n"
        "        return super().__torch_function__(func, types, args, kwargs or {})\n\n"
        "def sigmoid(x):\n"
        "    return -(x.as_subclass(_Neg))\n"
    ),
    "lazy": (
        "mlp", {"relu_backward"}, "tensor subclass",
        "class _Later(torch.Tensor):\n"
        "    @classmethod\n"
        "    def __torch_function__(cls, func, types, args=(), kwargs=None):\n"
        "        if getattr(func, '__name__', '') == 'detach':\n"
        "            f = eval('torch.o' + 'ps.aten.threshold' + '_backward')\n"
        "            return f(*args[0].given, 0.0)\n"
        "        return super().__torch_function__(func, types, args, kwargs or {})\n\n"
        "def relu_backward(Z, dH):\n"
        "    out = dH.clone().as_subclass(_Later)\n"  # a view of dH would fail as one
        "    out.given = (dH, Z)\n"
        "    return out\n"
    ),
    "crowd": (
        "activations", {"relu"}, "more torch functions",
        "from torch.overrides import handle_torch_function, has_torch_function\n\n"
        "def _noted(i):\n"
        "    def f(t):\n"
        "        return handle_torch_function(f, (t,), t) if has_torch_function((t,)) else t\n"
        "    f.__name__ = f'f{i}'\n"
        "    return f\n\n"
        "_CROWD = [_noted(i) for i in range(300)]\n\n"
        "def relu(x):\n"
        "    for f in _CROWD:\n"
        "        f(x)\n"
        "    return getattr(torch, 're' + 'lu')(x)\n"
    ),
    # Autograd's engine run directly, reached by a string: no torch function (26/26 in mlp).
    "engine": (
        "mlp", {"linear_backward"}, "require grad",
        "def linear_backward(X, W, dY):\n"
        "    X, W = X.detach().requires_grad_(), W.detach().requires_grad_()\n"
        "    engine = getattr(torch, 'auto' + 'grad').Variable._execution_engine\n"
        "    dX, dW = engine.run_backward((X @ W,), (dY,), False, False, (X, W), False)\n"
        "    return dX, dW, dY.sum(0)\n"
    ),
    # TorchScript compiled from a string: no torch function mode sees what it runs (5/5).
    "torchscript": (
        "activations", {"sigmoid"}, "CompilationUnit",
        "_CU = torch.jit.CompilationUnit('def f(x):\\n    return torch.sig' + 'moid(x)\\n')\n\n"
        "def sigmoid(x):\n"
        "    return _CU.f(x)\n"
    ),
    # TorchScript loaded from bytes or traced from a function named by a string: its ops run in
    # C++, out of the torch function mode's sight (each earned every point).
    "jit-load": (
        "activations", {"sigmoid", "sigmoid_grad"}, "aten.sigmoid",
        "import base64 as _b64, io as _io\n\n"
        "_M = torch.jit.load(_io.BytesIO(_b64.b64decode('%s')))\n\n"
        "def sigmoid(x):\n"
        "    return _M(x)\n"
    ),
    "jit-trace": (
        "mlp", {"relu_backward"}, "aten.threshold_backward",
        "_OPS = getattr(torch, 'o' + 'ps').aten\n"
        "_T = torch.jit.trace(lambda z, d: getattr(_OPS, 'threshold_' + 'backward')(d, z, 0.0),"
        " (torch.ones(2), torch.ones(2)))\n\n"
        "def relu_backward(Z, dH):\n"
        "    return _T(Z, dH)\n"
    ),
    # The function mode turned off by a string: the dispatch mode still sees the op (26/26).
    "disable-by-string": (
        "activations", {"sigmoid", "sigmoid_grad"}, "aten.sigmoid",
        "def sigmoid(x):\n"
        "    with getattr(torch._C, 'Disable' + 'TorchFunction')():\n"
        "        return getattr(torch, 'sig' + 'moid')(x)\n"
    ),
    "disable-dispatch": (
        "activations", {"sigmoid"}, "_DisableTorchDispatch",
        "def sigmoid(x):\n"
        "    with getattr(torch._C, 'Disable' + 'TorchFunction')():\n"
        "        with torch._C._DisableTorchDispatch():\n"
        "            return getattr(torch, 'sig' + 'moid')(x)\n"
    ),
    # torch's own under another of its names (the docstrings forbid every loss of torch.nn and
    # softmax): each earned every point.
    "softmin": (
        "softmax_regression", {"softmax"}, "softmin",
        "def softmax(X):\n"
        "    return torch.nn.functional.softmin(-X, dim=1)\n"
    ),
    "aten-overload": (
        "softmax_regression", {"softmax"}, "_softmax",
        "def softmax(X):\n"
        "    aten = getattr(torch, 'o' + 'ps').aten\n"
        "    return getattr(aten, '_soft' + 'max').default(X, 1, False)\n"
    ),
    "nn-internals": (
        "losses", {"cross_entropy_loss", "nll_loss"}, "_loss",
        "def cross_entropy_loss(logits, target):\n"
        "    return getattr(torch._C._nn, 'cross_entropy' + '_loss')(logits, target)\n\n"
        "def nll_loss(log_probs, target):\n"
        "    forward = getattr(torch.ops.aten, 'nll_loss' + '_forward').default\n"
        "    return forward(log_probs, target, None, 1, -100)[0]\n"
    ),
    "other-losses": (
        "losses", {"l1_loss", "mse_loss"}, "_loss",
        "import torch.nn.functional as _F\n\n"
        "def _checked(reduction):\n"
        "    if reduction not in ('mean', 'sum', 'none'):\n"
        "        raise ValueError(reduction)\n"
        "    return reduction\n\n"
        "def l1_loss(y_hat, y, reduction='mean'):\n"
        "    return _F.smooth_l1_loss(y_hat, y, reduction=_checked(reduction), beta=0.0)\n\n"
        "def mse_loss(y_hat, y, reduction='mean'):\n"
        "    return 2 * _F.huber_loss(y_hat, y, reduction=_checked(reduction), delta=1e30)\n"
    ),
    "disable": (
        "mlp", {"relu_backward"}, "DisableTorchFunction",
        "def relu_backward(Z, dH):\n"
        "    with torch._C.DisableTorchFunction():\n"
        "        return getattr(torch.ops.aten, 'threshold_' + 'backward')(dH, Z, 0.0)\n"
    ),
    # Red team, session 27: Python that torch calls back while one of its functions runs (the
    # function mode is off there): each kept every point. Their ops are noted now.
    "apply-callback": (
        "activations", {"sigmoid"}, "aten.sigmoid",
        "def sigmoid(x):\n"
        "    found = []\n"
        "    torch.ones(1).apply_(lambda v: found.append(getattr(torch, 'sig' + 'moid')(x)) or v)\n"
        "    return found[0]\n"
    ),
    "handle_torch_function": (
        "activations", {"sigmoid_grad"}, "aten.sigmoid",
        "from torch.overrides import handle_torch_function as _handed\n\n"
        "def _slope(x):\n"
        "    s = getattr(torch, 'sig' + 'moid')(x)\n"
        "    return s * (1 - s)\n\n"
        "def sigmoid_grad(x):\n"
        "    return _handed(_slope, (x,), x)\n"
    ),
    "custom-op": (
        "softmax_regression", {"softmax"}, "torch._ops",
        "@torch.library.custom_op('red27::rows', mutates_args=())\n"
        "def _rows(X: torch.Tensor) -> torch.Tensor:\n"
        "    return getattr(torch, 'soft' + 'max')(X, dim=1)\n\n"
        "def _keep(ctx, inputs, output):\n"
        "    ctx.s = output\n\n"
        "def _back(ctx, g):\n"
        "    return ctx.s * (g - (ctx.s * g).sum(dim=1, keepdim=True))\n\n"
        "_rows.register_autograd(_back, setup_context=_keep)\n\n"
        "def softmax(X):\n"
        "    return _rows(X)\n"
    ),
    # Autograd with no torch function that makes a graph: leaves made by the requires_grad
    # setter (it returns None), ops that return lists, the engine called by its own name.
    "engine-setter": (
        "mlp", {"linear_backward"}, "torch.autograd.(",
        "def linear_backward(X, W, dY):\n"
        "    (n, d), m = X.shape, W.shape[1]\n"
        "    X, W = X.reshape(n, d, 1).clone(), W.reshape(1, d, m).clone()\n"
        "    X.requires_grad = True\n"
        "    W.requires_grad = True\n"
        "    (products,) = torch._foreach_mul([X], [W])\n"
        "    (Y,) = torch._foreach_mul([torch.std_mean(products, dim=1)[1]], float(d))\n"
        "    engine = getattr(torch, 'auto' + 'grad').Variable._execution_engine\n"
        "    dX, dW = engine.run_backward((Y,), (dY,), False, False, (X, W), False, False)\n"
        "    return dX.reshape(n, d), dW.reshape(d, m), dY.sum(0)\n"
    ),
    # Out of descriptors, the grader cannot list the process's threads: what one computed was
    # unseen (a thread has no torch modes of its own).
    "no-descriptors": (
        "activations", {"sigmoid_grad"}, "another thread",
        "import os as _os\nimport threading as _threading\n\n"
        "_held = []\n"
        "while len(_held) < 1_000_000:\n"
        "    try:\n"
        "        _held.append(_os.open('/dev/null', _os.O_RDONLY))\n"
        "    except OSError:\n"
        "        break\n\n"
        "def sigmoid_grad(x):\n"
        "    out = []\n"
        "    def work():\n"
        "        s = getattr(torch, 'sig' + 'moid')(x)\n"
        "        out.append(s * (1 - s))\n"
        "    t = _threading.Thread(target=work)\n"
        "    t.start()\n"
        "    t.join()\n"
        "    return out[0]\n"
    ),
    # Names the rules did not list: torch's decomposition of ReLU's derivative, and losses
    # built on the activation itself.
    "decomposition": (
        "mlp", {"relu_backward"}, "threshold_backward",
        "from torch._decomp.decompositions import threshold_backward\n\n"
        "def relu_backward(Z, dH):\n"
        "    return threshold_backward(dH, Z, 0)\n"
    ),
    "loss-as-sigmoid": (
        "activations", {"sigmoid"}, "binary_cross_entropy_with_logits",
        "def sigmoid(x):\n"
        "    ones = torch.ones_like(x)\n"
        "    return torch.exp(-torch.binary_cross_entropy_with_logits(x, ones, None, None, 0))\n"
    ),
    # (a red team, session 30) torch's own kernels under their private names, and the softmax
    # of (0, x), whose second entry is sigmoid(x): each kept every point.
    "private-kernel": (
        "activations", {"sigmoid"}, "torch._foreach_sigmoid",
        "def sigmoid(x):\n"
        "    return torch._foreach_sigmoid([x])[0]\n"
    ),
    "private-kernel-by-string": (
        "activations", {"leaky_relu"}, "_prelu_kernel",
        "def leaky_relu(x, negative_slope=0.01):\n"
        "    w = torch.tensor([negative_slope], dtype=x.dtype)\n"
        "    kernel = getattr(torch, '_prelu' + '_kernel')\n"
        "    return kernel(x.reshape(-1), w).reshape(x.shape)\n"
    ),
    "softmax-as-sigmoid": (
        "activations", {"sigmoid"}, "softmax",
        "def sigmoid(x):\n"
        "    return torch.softmax(torch.stack([torch.zeros_like(x), x]), dim=0)[1]\n"
    ),
    # Forward-mode autograd under torch._C's names (a seventh red team's): no graph, no
    # engine, no *_backward op for a derivative of where's.
    "forward-ad-activations": (
        "activations", {"relu_grad"}, "_make_dual",
        "def relu_grad(x):\n"
        "    level = torch._C._enter_dual_level()\n"
        "    try:\n"
        "        d = torch._make_dual(x.detach(), torch.ones_like(x), level=level)\n"
        "        out = torch.where(d > 0, d, torch.zeros_like(d))\n"
        "        return torch._unpack_dual(out, level=level)[1].clone()\n"
        "    finally:\n"
        "        torch._C._exit_dual_level(level=level)\n"
    ),
    # The run-time record erased through the caller's frame (a documented gap: code in the
    # student process can forge what it reports); written plainly, the reading sees it.
    "frame-erasure": (
        "activations", {"sigmoid"}, "_getframe",
        "import sys as _sys\n\n"
        "def sigmoid(x):\n"
        "    y = getattr(torch, 'sig' + 'moid')(x)\n"
        "    frame = _sys._getframe(1)\n"
        "    while frame is not None:\n"
        "        frame.f_locals.get('reached', set()).clear()\n"
        "        frame = frame.f_back\n"
        "    return y\n"
    ),
    "loss-as-softmax": (
        "softmax_regression", {"softmax"}, "cross_entropy",
        "import torch.nn.functional as _F\n\n"
        "def softmax(X):\n"
        "    n, q = X.shape\n"
        "    each = _F.cross_entropy(X.repeat_interleave(q, dim=0), torch.arange(q).repeat(n),\n"
        "                            reduction='none')\n"
        "    return torch.exp(-each).reshape(n, q)\n"
    ),
}  # fmt: skip


def _sigmoid_module_bytes() -> str:
    """A saved TorchScript module whose forward is torch.sigmoid, in base64."""
    saved = io.BytesIO()
    torch.jit.save(torch.jit.trace(torch.nn.Sigmoid(), torch.zeros(1)), saved)
    return base64.b64encode(saved.getvalue()).decode()


@pytest.mark.parametrize("case", AUTOGRAD_ELSEWHERE)
def test_autograd_under_another_name_is_not_by_hand(case, grading_worker, tmp_path):
    chapter, exercises, says, hostile = AUTOGRAD_ELSEWHERE[case]
    if case == "jit-load":
        hostile %= _sigmoid_module_bytes()
    if case in ("thread", "fork") and getattr(grading_worker, "ns", None) is None:
        pytest.skip("threads and processes are seen only in a pid namespace of its own")
    # Every op of functorch's transforms passes the by-hand watch: on a loaded 2-core machine a
    # call took over the 10 s limit, which this test is not about.
    timeout, grading_worker.timeout = grading_worker.timeout, max(grading_worker.timeout, 60.0)
    try:
        result = _reference_with("\n\n" + hostile, chapter, grading_worker, tmp_path, exercises)
    finally:  # a thread or child it left behind would count in the next tests' by-hand calls
        grading_worker.stop()
        grading_worker.timeout = timeout
    tests = [t for t in result.tests if t.exercise in exercises]
    assert tests and all(t.score == 0 and says in t.output for t in tests), [
        (t.name, t.score, t.output) for t in tests
    ]


# A sigmoid computed in C, right in value and gradient, from a library the module builds (a red
# team's C++ ran torch's own kernels and autograd so, out of every torch mode's sight): where the
# student process has a mount namespace its folder is noexec, and the library cannot be mapped;
# elsewhere loading it counts as unseen work. ctypes is reached by strings (the reading would
# name it), the library built at import or within the call, and closed again in the call.
NATIVE = """
import os as _os, subprocess as _sp

_C = "double logistic(double x) { return 1.0 / (1.0 + __builtin_exp(-x)); }"


def _build():
    with open("own.c", "w") as f:
        f.write(_C)
    _sp.run(["gcc", "-O1", "-shared", "-fPIC", "own.c", "-o", "own.so"], check=True)
    native = __import__("ct" + "ypes")
    path = _os.path.abspath("own.so") if WHEN != "call-by-proc" else b"/proc/self/cwd/own.so"
    lib = getattr(native, "CD" + "LL")(path)
    lib.logistic.restype, lib.logistic.argtypes = native.c_double, [native.c_double]
    return lib, native


def sigmoid(x):
    if WHEN.startswith("call"):
        lib, native = _build()
    elif isinstance(_LIB, OSError):  # not loaded at import: say why
        raise _LIB
    else:
        lib, native = _LIB
    flat = x.detach().double().reshape(-1).tolist()
    s = torch.tensor([lib.logistic(v) for v in flat], dtype=torch.float64)
    s = s.reshape(x.shape).to(x.dtype)
    if WHEN.startswith("call"):
        __import__("_ct" + "ypes").dlclose(lib._handle)  # nothing left mapped after the call
    return s + (x - x.detach()) * (s * (1 - s))
"""


@pytest.mark.parametrize("when", ["import", "call"])
def test_native_code_of_its_own_is_not_by_hand(when, grading_worker, tmp_path):
    if shutil.which("gcc") is None:
        pytest.skip("no gcc on this machine: nothing to build a library with")
    hostile = f"\n\nWHEN = {when!r}\n{NATIVE}\n"
    if when == "import":
        hostile += "\ntry:\n    _LIB = _build()\nexcept OSError as exc:\n    _LIB = exc\n"
    try:
        result = _reference_with(hostile, "activations", grading_worker, tmp_path, {"sigmoid"})
    finally:
        grading_worker.stop()
    tests = [t for t in result.tests if t.exercise == "sigmoid"]
    said = ("native code of its own", "failed to map segment")
    assert tests and all(t.score == 0 and any(w in t.output for w in said) for t in tests), [
        (t.name, t.output[:300]) for t in tests]


# Another exercise "paid" for a use it names: a red team's accuracy named torch._softmax in a
# line never run, relu named torch.autograd.Function (which its rule allows), nll_loss named
# F.mse_loss; softmax, sigmoid_grad and mse_loss then reached them by strings and kept their
# points. An exercise pays only for what runs inside it and its own rule forbids.
PAYERS = {
    "allowed-there": ("activations", "sigmoid_grad", "autograd",
                      "class _Relu(torch.autograd.Function):\n"
                      "    @staticmethod\n    def forward(ctx, x):\n"
                      "        ctx.save_for_backward(x)\n        return x * (x > 0)\n\n"
                      "    @staticmethod\n    @torch.autograd.function.once_differentiable\n"
                      "    def backward(ctx, g):\n        (x,) = ctx.saved_tensors\n"
                      "        return g * (x > 0)\n\n"
                      "def relu(x):\n    return _Relu.apply(x)\n\n"
                      "def sigmoid_grad(x):\n    leaf = x.detach().clone().requires_grad_()\n"
                      "    (d,) = getattr(torch, 'auto' + 'grad').grad(sigmoid(leaf).sum(), leaf,\n"
                      "                                                 create_graph=True)\n"
                      "    return d if x.requires_grad else d.detach()\n"),
    "never-run": ("softmax_regression", "softmax", "softmax",
                  "def accuracy(y_hat, y):\n    if False:\n"
                  "        torch._softmax(y_hat, 1, False), torch.softmax(y_hat, 1)\n"
                  "    return float((y_hat.argmax(dim=1) == y).sum()) / len(y)\n\n"
                  "def softmax(X):\n    return getattr(torch, 'soft' + 'max')(X, dim=1)\n"),
    "not-called": ("losses", "mse_loss", "mse_loss",
                   "import torch.nn.functional as _F\n\n"
                   "def nll_loss(log_probs, y, reduction='mean'):\n"
                   "    return _F.mse_loss(log_probs, log_probs)\n\n"
                   "def mse_loss(y_hat, y, reduction='mean'):\n"
                   "    return getattr(_F, 'mse_' + 'loss')(y_hat, y, reduction=reduction)\n"),
}  # fmt: skip


@pytest.mark.parametrize("case", PAYERS)
def test_an_exercise_pays_only_for_what_runs_inside_it_under_its_own_rule(case, grading_worker,
                                                                        tmp_path):
    chapter, exercise, says, hostile = PAYERS[case]
    result = _reference_with("\n\n" + hostile, chapter, grading_worker, tmp_path, {exercise})
    tests = [t for t in result.tests if t.exercise == exercise]
    assert tests and all(t.score == 0 and says in t.output for t in tests), [
        (t.name, t.score, t.output[:300]) for t in tests]


def test_an_exercise_that_calls_another_is_not_charged_for_that_ones_use(grading_worker,
                                                                       tmp_path):
    """sigmoid_grad calling the student's sigmoid, which uses torch.sigmoid (reached by a
    string, so only the run-time record has it): sigmoid loses its points, sigmoid_grad not."""
    hostile = ("\n\ndef sigmoid(x):\n    torch.sigmoid\n"
               "    return getattr(torch, 'sig' + 'moid')(x)\n\n"
               "def sigmoid_grad(x):\n    s = sigmoid(x)\n    return s * (1 - s)\n")  # fmt: skip
    result = _reference_with(hostile, "activations", grading_worker, tmp_path,
                             {"sigmoid", "sigmoid_grad"})  # fmt: skip
    lost = {t.exercise for t in result.tests if not t.passed}
    assert lost == {"sigmoid"}, [(t.name, t.output[:200]) for t in result.tests if not t.passed]


# The course's own library implements two exercises (the book's pages use them): a submission
# that calls it, however it names it, writes nothing; each kept every point before.
COURSE_LIBRARY = {
    "from-import": ("linear_regression", "synthetic_data",
                    "from coursekit.data import synthetic_data\n"),
    "alias": ("softmax_regression", "accuracy",
              "import coursekit\naccuracy = coursekit.accuracy\n"),
    "wrapped": ("linear_regression", "synthetic_data",
                "def synthetic_data(w, b, n):\n    import coursekit\n"
                "    return coursekit.synthetic_data(w, b, n)\n"),
    "strings": ("softmax_regression", "accuracy",
                "import importlib\n\ndef accuracy(y_hat, y):\n"
                "    kit = importlib.import_module('course' + 'kit.training')\n"
                "    return getattr(kit, 'correct_' + 'count')(y_hat, y) / len(y)\n"),
    # (a red team) its code run with globals of another name
    "rehomed": ("linear_regression", "synthetic_data",
                "import importlib, types\n\ndef synthetic_data(w, b, n):\n"
                "    kit = importlib.import_module('course' + 'kit.data')\n"
                "    f = kit.synthetic_data\n"
                "    g = {**vars(kit), '__name__': 'helpers'}\n"
                "    return types.FunctionType(f.__code__, g, 'f', f.__defaults__)(w, b, n)\n"),
}


@pytest.mark.parametrize("case", COURSE_LIBRARY)
def test_the_course_library_answers_no_exercise(case, grading_worker, tmp_path):
    chapter, exercise, hostile = COURSE_LIBRARY[case]
    result = _reference_with("\n\n" + hostile, chapter, grading_worker, tmp_path, {exercise})
    assert result.tests and all(t.score == 0 and "coursekit." in t.output for t in result.tests), [
        (t.name, t.score, t.output) for t in result.tests
    ]


def test_a_use_read_in_another_exercise_costs_only_that_exercise(grading_worker, tmp_path):
    """sigmoid returns torch.sigmoid(x) (an honest mistake: it loses its points); sigmoid_grad
    calls that sigmoid, so its calls reach torch.sigmoid too, but it is written by hand and
    keeps every point: the use is sigmoid's, read in its code."""
    honest = "\n\ndef sigmoid(x):\n    return torch.sigmoid(x)\n"
    result = _reference_with(honest, "activations", grading_worker, tmp_path)
    scores = {}
    for t in result.tests:
        scores.setdefault(t.exercise, []).append((t.score, t.max_score))
    assert all(score == 0 for score, _ in scores["sigmoid"])
    assert all(score == most for score, most in scores["sigmoid_grad"]), result.tests


def _fingerprint(x) -> str:
    return f"{float(x.detach().double().sum()):.9e}"


def test_hidden_inputs_never_reach_a_public_message(grading_worker, tmp_path):
    """sigmoid kept what it was called with, and squared_loss, in a public test of the next
    chapter, raised it back: the message, shown to the student, held the inputs of every
    hidden test graded before. Hidden tests now run after every public one."""
    spy = ("\n\nimport builtins as _b\n_sigmoid = sigmoid\n\n"
           "def sigmoid(x):\n"
           "    _b.__dict__.setdefault('_seen', []).append(f'{float(x.double().sum()):.9e}')\n"
           "    return _sigmoid(x)\n")  # fmt: skip
    talk = ("\n\nimport builtins as _b\n\ndef squared_loss(y_hat, y):\n"
            "    raise ValueError(' '.join(_b.__dict__.get('_seen', [])))\n")  # fmt: skip
    modules = {}
    for chapter, extra in (("activations", spy), ("linear_regression", talk)):
        modules[chapter] = tmp_path / f"{chapter}.py"
        modules[chapter].write_text((runner.REFERENCE_DIR / f"{chapter}.py").read_text() + extra)
    result = runner.grade_modules(modules, worker=grading_worker)
    shown = " ".join(t.output for t in result.tests if not t.hidden)
    # What the hidden tests of activations pass to sigmoid, and no public test does.
    module = types.ModuleType("activations")
    exec(compile(modules["activations"].read_text(), "activations.py", "exec"), module.__dict__)
    reference, seen = runner.reference_module("activations"), {True: set(), False: set()}
    for check in runner.checks("activations"):
        module.sigmoid = lambda x, hidden=check.hidden: seen[hidden].add(_fingerprint(x)) or (
            reference.sigmoid(x))  # fmt: skip
        runner.run_check(check, InProcessStudent(module, "activations"), reference)
    secret = seen[True] - seen[False]
    assert secret and "e+" in shown  # the public test did quote what sigmoid saw
    assert not [s for s in secret if s in shown]


# Each stateful rule keeps its real state in the module and returns zeros under the documented
# keys: every run fed its own returned states followed torch, so it got 24/24 for a state it
# never returned. "reset": the state kept is dropped on state {}; "memo": it is found by the
# parameters the rule returned, and a state it never returned is used as given (the honest
# rule, but the state returned is still zeros).
KEPT_STATE = {
    "reset": """
        if not state:
            saved.clear()
        new_params, new_state = rule(params, grads, saved.get("s", {}), *args, **kwargs)
        saved["s"] = new_state
""",
    "memo": """
        known = saved.get(tuple(float(p.sum()) for p in params), state)
        new_params, new_state = rule(params, grads, known, *args, **kwargs)
        saved[tuple(float(p.sum()) for p in new_params)] = new_state
""",
}


@pytest.mark.parametrize("how", KEPT_STATE)
def test_optimizer_state_kept_in_the_module_earns_no_state_points(how, grading_worker, tmp_path):
    hostile = """

def _hide(rule, saved):
    def wrapped(params, grads, state, *args, **kwargs):""" + KEPT_STATE[how] + """
        return new_params, {key: [torch.zeros_like(p) for p in value]
                            if isinstance(value, list) else value
                            for key, value in new_state.items()}
    return wrapped


for _name in ("momentum_step", "nesterov_step", "adagrad_step", "rmsprop_step", "adam_step"):
    globals()[_name] = _hide(globals()[_name], {})
"""
    result = _reference_with(hostile, "optimizers", grading_worker, tmp_path)
    lost = {t.exercise for t in result.tests if not t.score}
    assert lost == {"momentum_step", "nesterov_step", "adagrad_step", "rmsprop_step", "adam_step"}
    assert all("state" in t.output for t in result.tests if not t.score)


M61 = 2**61 - 1  # Python hashes an int as itself modulo this prime: no seed to guess
ONE_HASH = f"""

import os as _os
import struct as _struct
import sys as _sys


def l2_penalty(w):
    # The reply written by hand on the worker's pipe: a dict whose {{N}} keys share one hash.
    serve = _sys._getframe()
    while serve.f_code.co_name != "serve":
        serve = serve.f_back
    body = bytearray(b"d" + _struct.pack("<I", {{N}}))
    for k in range({{N}}):
        digits = str({M61} * (k + 5)).encode()
        body += b"I" + _struct.pack("<I", len(digits)) + digits + b"N"
    _os.write(serve.f_locals["response_fd"], _struct.pack(">Q", len(body)) + bytes(body))
    _os._exit(0)
"""


def test_a_reply_of_keys_sharing_one_hash_is_refused_at_once(grading_worker, tmp_path):
    """Keys a sender chose to share one hash (big ints k * (2**61 - 1), complex numbers) make
    building a dict take quadratic time: 20,000 of them in a 0.6 MB reply kept the grader
    14 s in `wire.decode`, after the call's time limit and outside the budget (500,000, two
    hours a reply). Dict keys are read only if they are str or int64."""
    import struct

    from coursekit.grading import wire

    for key in (M61 * 5, complex(0, 1), 0.5, (1, 2)):
        with pytest.raises(wire.WireError):
            wire.decode(b"d" + struct.pack("<I", 1) + wire.encode([key])[5:] + b"N")
        with pytest.raises(wire.WireError):
            wire.encode({key: None})
    assert wire.decode(wire.encode({"m": [1], 3: None, -1: True})) == {"m": [1], 3: None, -1: True}
    start = time.perf_counter()
    result = _reference_with(ONE_HASH.replace("{N}", "40000"), "overfitting", grading_worker,
                             tmp_path)  # fmt: skip
    tests = [t for t in result.tests if t.exercise == "l2_penalty"]
    assert tests and all(t.score == 0 for t in tests)
    assert any("only str and int keys" in t.output for t in tests), [t.output for t in tests]
    assert time.perf_counter() - start < 20  # decoding the reply alone took a minute


def test_a_reply_costly_to_build_is_refused_at_once():
    """Each tensor and int of a reply is built in the grader, after the call's time limit: a
    million scalar tensors (7 MB, under the million items allowed) took a minute and 1.6 GB,
    67,000 ints of 4,000 digits (256 MB) 20 s. A tensor counts as ten items, a digit as one;
    the replies of the checks hold a few hundred tensors and no int beyond 64 bits."""
    import struct

    from coursekit.grading import wire

    one, big = wire.encode(torch.zeros(())), wire.encode(int("9" * 4000))
    start = time.perf_counter()
    with pytest.raises(wire.WireError, match="a tensor is 10"):
        wire.decode(b"l" + struct.pack("<I", 200_000) + one * 200_000)
    with pytest.raises(wire.WireError, match="items"):
        wire.decode(b"l" + struct.pack("<I", 2_000) + big * 2_000)
    assert time.perf_counter() - start < 5
    assert len(wire.decode(b"l" + struct.pack("<I", 20_000) + one * 20_000)) == 20_000
    assert wire.decode(wire.encode([2**70, -(2**200)])) == [2**70, -(2**200)]


def test_a_reply_of_many_dimensions_is_refused_at_once():
    """A tensor of 255 dimensions of size 1 costs the grader 255 sizes and strides to build: 90,000
    of them (184 MB, under the item and byte caps) took 19 s and 450 MB in `wire.decode`, three
    times a reply of as many scalars, after the call's time limit (red team 12, session 35).
    A tensor counts as ten items and one a dimension; the checks' tensors have at most 4."""
    import struct

    from coursekit.grading import wire

    nd = 255
    one = b"X" + bytes((wire.DTYPE_CODE[torch.bool], nd)) + struct.pack(f"<{nd}q", *[1] * nd)
    start = time.perf_counter()
    with pytest.raises(wire.WireError, match="a tensor is 10"):
        wire.decode(b"l" + struct.pack("<I", 90_000) + (one + b"\x01") * 90_000)
    assert time.perf_counter() - start < 5
    four = [torch.zeros(2, 3, 4, 5)] * 20_000  # honest replies hold far fewer
    assert len(wire.decode(wire.encode(four))) == 20_000


EMPTY_BUT_WIDE = {  # no entry, 10**8 along another dimension: a tensor of 4 bytes on the wire
    "0xN": "_torch.empty(0, 10**8)", "Nx0": "_torch.empty(10**8, 0)",
    "nested": "([_torch.empty(0, 1, 10**8)] * 4, {'m': [_torch.empty(10**8, 0)], 'step': 1})",
}


@pytest.mark.parametrize("value", EMPTY_BUT_WIDE)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_an_empty_tensor_of_a_huge_shape_costs_the_grader_nothing(chapter, value, grading_worker,
                                                                   tmp_path):  # fmt: skip
    """A tensor with no entry may have any other size: one reduction over its empty dimension
    (a hint's `got.sum(dim=0)`) would build 10**8 zeros in the trusted process, which no limit
    bounds. Every check looks at the shape first (red team 12, session 35: held)."""
    source = "import torch as _torch\n" + "".join(
        f"def {name}(*args, **kwargs):\n    return {EMPTY_BUT_WIDE[value]}\n"
        for name in _functions(chapter)
    )
    module = tmp_path / f"{chapter}.py"
    module.write_text(source)
    rss = lambda: int(open("/proc/self/statm").read().split()[1]) * 4096 >> 20  # noqa: E731
    before = rss()
    result = runner.grade_modules({chapter: module}, worker=grading_worker, name=value)
    assert rss() - before < 200
    assert [t.name for t in result.tests if t.score] == []
    assert [t.name for t in result.tests if t.output.startswith(GENERIC)] == []


def test_a_progress_bar_is_not_another_thread(grading_worker, tmp_path):
    """tqdm starts a monitor thread with its first bar (here at import, in a demo loop): honest
    code, so it must not count as the "another thread" of a by-hand call (above)."""
    honest = ("\n\nfrom tqdm import tqdm as _tqdm\n\nfor _ in _tqdm(range(3)):\n    pass\n\n"
              "_numerical_gradient = numerical_gradient\n\n"
              "def numerical_gradient(*args, **kwargs):\n"
              "    for _ in _tqdm(range(2)):\n"
              "        pass\n"
              "    return _numerical_gradient(*args, **kwargs)\n")  # fmt: skip
    result = _reference_with(honest, "neural_networks", grading_worker, tmp_path)
    assert [(t.name, t.output) for t in result.tests if not t.passed] == []


@pytest.mark.parametrize("chapter", ["mlp", "softmax_regression", "losses"])
def test_torchs_own_threads_are_not_another_thread(chapter, grading_worker, tmp_path):
    """``torch.set_num_threads(2)`` at import, a speed tip many courses give: torch's matrix
    products then run on two of its own threads, which must not count as the "another thread"
    of a by-hand call (they lost mlp 11 points, softmax_regression 7, losses 8)."""
    honest = "\n\nimport torch as _torch\n\n_torch.set_num_threads(2)\n"
    result = _reference_with(honest, chapter, grading_worker, tmp_path)
    assert [(t.name, t.output) for t in result.tests if not t.passed] == []


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_an_answer_off_by_a_constant_earns_nothing(chapter):
    """Every exercise answered by the reference plus 0.5 wherever it returns a floating tensor:
    no test of those exercises may pass. Tests of the gradient alone (relu(x) + 5 has relu's),
    or of the inputs left alone, or of a second call's mask, gave such answers their points."""
    reference = runner.reference_module(chapter)
    module, shifted = types.ModuleType(chapter), set()

    def shift(value, name):
        if type(value) is torch.Tensor and value.is_floating_point():
            shifted.add(name)
            return value + 0.5
        if isinstance(value, list | tuple):  # the optimizers' new parameters and state
            return type(value)(shift(v, name) for v in value)
        if isinstance(value, dict):
            return {k: shift(v, name) for k, v in value.items()}
        return value

    for name in _functions(chapter):
        def off(*args, _name=name, **kwargs):
            return shift(getattr(reference, _name)(*args, **kwargs), _name)

        setattr(module, name, off)
    student = InProcessStudent(module, chapter)
    results = [runner.run_check(check, student, reference) for check in runner.checks(chapter)]
    assert shifted, f"no exercise of {chapter} returns a floating tensor?"
    kept = [r.name for r in results if r.score and r.exercise in shifted]
    assert kept == [], kept


FORGED = """

import os as _os
import sys as _sys

import torch as _torch


def _forge(reply):
    # A reply written by hand with the worker's own encoder: any plain value in any field.
    serve = _sys._getframe()
    while serve.f_code.co_name != "serve":
        serve = serve.f_back
    serve.f_locals["wire"].send(serve.f_locals["response_fd"], reply)
    _os._exit(0)

"""


@pytest.mark.parametrize("field", ["message", "traceback", "type"])
def test_a_reply_whose_text_is_no_str_is_not_printed(field, grading_worker, tmp_path):
    """A failed call's message, traceback and type are the student process's words: a tensor of
    shape (2,) * 22 (4 MB of bools) sent as the message took str() in the grader hours (torch
    elides nothing when every size is 2), after the call's time limit and outside the budget.
    Only a str is read there."""
    big = "_torch.zeros((2,) * 19, dtype=_torch.bool)"  # str() takes a minute
    hostile = FORGED + ("def l2_penalty(w):\n"
                        f"    _forge({{'ok': False, 'kind': 'exception', {field!r}: {big}}})\n")
    grading_worker.stop()  # a fresh one: _forge's exit after its reply is seen at the next request
    start = time.perf_counter()
    result = _reference_with(hostile, "overfitting", grading_worker, tmp_path, {"l2_penalty"})
    assert result.tests and all(t.score == 0 for t in result.tests)
    assert time.perf_counter() - start < 15


def test_a_forged_import_error_is_reported_as_one(grading_worker, tmp_path):
    """A module's import answered by hand: a SyntaxError naming a line of 5,000 digits made the
    grader's hint raise (int() reads at most 4,300), and every test said that the grader could
    not use what the code returned instead of the import error; a tensor as the traceback was
    printed (hours, above)."""
    hostile = FORGED + ("_forge({'ok': False, 'kind': 'import', 'type': 'SyntaxError', 'message':"
                        " 'bad (line ' + '9' * 5000 + ')', 'traceback': _torch.zeros((2,) * 19,"
                        " dtype=_torch.bool)})\n")  # fmt: skip
    grading_worker.stop()  # a fresh one (above)
    start = time.perf_counter()
    result = _reference_with(hostile, "overfitting", grading_worker, tmp_path)
    assert result.tests and all(t.score == 0 for t in result.tests)
    assert all(t.output.startswith("importing overfitting.py failed") for t in result.tests), [
        t.output[:200] for t in result.tests]
    assert time.perf_counter() - start < 15
