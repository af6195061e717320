"""Correct answers written by other hands earn full marks.

``outside/<chapter>.py`` answers every exercise independently of the reference, in the idioms
other authors use (d2l-style code, torch built-ins the docstrings allow, other dtype handling,
a Python float where a 0-d tensor is allowed, ...). A check that fails one of them is stricter
than the docstring the student codes against.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from coursekit.grading import runner

OUTSIDE = Path(__file__).parent / "outside"


@pytest.mark.instructor  # answers: not part of the student edition
@pytest.mark.parametrize("chapter", runner.chapters())
def test_outside_answers_earn_every_point(chapter, tmp_path):
    # A submission folder holding only this chapter, graded as `coursekit grade` grades one.
    shutil.copy(OUTSIDE / f"{chapter}.py", tmp_path / f"{chapter}.py")
    result = runner.grade_submission(tmp_path, [chapter])
    lost = "\n".join(f"  {t.exercise} ({t.name}): {t.output}" for t in result.tests if not t.passed)
    assert result.tests
    assert result.score == result.max_score, f"correct outside answers lose points:\n{lost}"


SETS = sorted(path for path in (OUTSIDE / "sets").iterdir() if path.is_dir())


@pytest.mark.instructor  # answers: not part of the student edition
@pytest.mark.parametrize("folder", SETS, ids=lambda path: path.name)
def test_outside_answer_sets_earn_every_point(folder, tmp_path):
    """``outside/sets/<set>/`` holds a whole submission in one family of idioms (CS231n and d2l;
    torch built-ins such as DataLoader, nn.init, F.dropout, Categorical and the _foreach ops;
    Python loops and in-place work on copies; modern torch: einsum, vmap, torch.jit.script,
    torch.compile, @torch.no_grad() and inference_mode as decorators, dataclasses; NumPy first,
    converted back; LLM-style validation, logging and __main__ demos; fast.ai and micrograd's
    small classes with their own backward methods, closures and partials; d2l's TensorFlow, JAX
    and MXNet flavours translated to torch with older torch idioms: .data, addmm, addcdiv,
    lerp, torch.special, a match statement; course and Kaggle notebooks translated from NumPy:
    lists and tuples for pairs, a zip iterator for batches, param[:] = ..., nan_to_num, values
    saved with .item(); Keras and functional habits: NamedTuple returns, F.linear and
    torch.func.functional_call on an nn.Sequential, itertools.islice batches, reducers in a
    dict, F.logsigmoid, a float64 softmax cast back, CS231n's flat parameter vector,
    functools.reduce; PyTorch's own tutorials: torch.autograd.Function subclasses written by
    hand, a Dataset with a BatchSampler, nn.Module and nn.MSELoss wrappers, nn.init and its fan
    helper, torch.optim's single-tensor code paths on cloned buffers; a Windows editor's
    cp1252 file with its coding cookie, a log written with encoding="ascii", a ReLU that is a
    torch.autograd.Function and a network run through functional_call in the forward passes of
    by-hand exercises), graded as one submission. Session 32's sets come from one library or
    course each and hold only what it has: DeZero (deep-learning-from-scratch-3: a tanh-form
    sigmoid, y[x <= 0] *= slope, logsumexp), scikit-learn's MLP internals (in-place
    derivatives on ones, log_loss's clip, _backprop's / n_samples), timm (AdamW at
    weight_decay 0, variance_scaling_, mixup's one_hot, sgdw), karpathy's makemore (manual
    backprop, F.one_hot(...).float()), MXNet (its optimizers' step(), Xavier initializer,
    KLDivLoss's log(label + 1e-12), gluon's Accuracy through NumPy) and deeplearning.ai's
    notebooks (dZ[Z <= 0] = 0, random_mini_batches, Adam with corrected moments), and Chainer
    (its sigmoid_cross_entropy as an autograd.Function whose backward gives the target no
    gradient, get_fans, diff.dot(diff) / size), and Stanford CS230's code examples (nll by
    range(n) indexing, accuracy through NumPy); dezero_functions keeps DeZero's own backward
    passes as torch.autograd.Function (Sigmoid, ReLU, LeakyReLU, Softmax, Linear with sum_to).
    Session 33's, each with a README.md (files read, licence, what was changed, what was left
    out and why): ML-From-Scratch (eriklindernoren: np.where(x >= 0, ...) activations,
    Dense.backward_pass, to_categorical), nnfs (Neural Networks from Scratch: torch.maximum(0,
    x), dinputs[inputs <= 0] = 0 on a copy, the combined softmax-cross-entropy backward, Adam
    with iterations + 1), TorchOpt (optax's chain of transforms in torch: trace with its
    first-call flag, torch.where(sos > 0, ...), addcmul moments), Keras 3 (its NumPy backend's
    log_softmax, torch.maximum(x, slope * x), TensorFlow's sigmoid_cross_entropy_with_logits,
    Dropout's rate check, decoupled weight decay) and jax_optax (relu's custom_jvp as an
    autograd.Function, softmax with a detached max, logaddexp log_sigmoid, optax's kl_divergence
    of log q, flax's Dropout), and tinygrad (mlops.Relu's backward, relu(x) - relu(-slope x),
    binary_crossentropy_logits through torch.maximum's tie at 0), and EECS 498's
    assignment 3 (ReLU by a clone and a masked assignment, TwoLayerNet's in-place backward),
    and fast.ai course-v3's optimizer steppers and stats (nb_09), run on copies. Session 34's,
    mostly NumPy converted at the boundary: labml.ai's Adam and WeightDecay, UvA's practical 1
    (its modules, a Jacobian-einsum softmax backward), Raschka's chapter 11 MLP, Deep Learning
    with PyTorch's p1ch5 (central differences on new tensors), Understanding Deep Learning's
    ReLU and indicator, Zero to Mastery's batch accuracy, CS224n's softmax and sigmoid_grad,
    fastbook's and fastai's optimizer callbacks on clones with a .grad. Session 35's: Lasagne on
    Theano's ops (ScalarSigmoid's +-30 cut-offs and own grad, relu as 0.5 * (x + abs(x))),
    MLX's losses and layers (logaddexp, torch.maximum's ties, take_along_dim), Nielsen's
    network.py (pairs shuffled with random.shuffle, per-example backprop loops), jax's
    example_libraries optimizer triples (Adam's betas in the parameters' dtype), MiniTorch's
    scalar operators mapped over Python floats, CMU needle's optimizers on .data holders;
    eliben's nditer gradient check on NumPy copies and torch.where sigmoid, Patrick Loeber's
    no_grad update and DataLoader, pskrunner14's unrolled perturb vector, Géron's
    np.linalg.lstsq on np.c_[np.ones, X] cast back to X's dtype. Session 36's: MindSpore's
    initializers (a float32 buffer copied into W), L2Loss and _apply_decay; ignite's
    EarlyStopping handler run over the history; Paddle's python dropout branch, L2Decay and
    initializers (its 2-d fans read from (in, out), so W's shape passed reversed); SciPy's
    softmax and stats.entropy with entr by branches; statsmodels' add_constant (ones first) and
    OLS by pinv_extended's SVD loop; Theano's tutorials (1 - errors, the validation
    bookkeeping). Session 37's: ONNX's reference ops (sigmoid by masks into empty_like, NLL by
    a loop over the examples), Deep Learning from Scratch (numerical_gradient's nditer on a
    NumPy view sharing W's memory, Affine.backward, its optimizers' update on dicts), Lightning's
    EarlyStopping over the history (float32 scores, torch.gt against -inf). Session 38's:
    scikit-learn's make_regression and LinearRegression (centred lstsq), TensorFlow
    Probability's Categorical (multiply_no_nan entropy, -log_prob), pmtk3 (X \\ y by QR, the
    zeros of p made ones), dit (nansum)."""
    for path in folder.glob("*.py"):
        shutil.copy(path, tmp_path / path.name)
    # A set from one source family may hold only some chapters, and a chapter only the exercises
    # its source has: a function whose whole body is `raise NotImplementedError(...)` is not
    # graded ("not in the source", or left out because the source gets it wrong).
    chapters = [c for c in runner.chapters() if (folder / f"{c}.py").exists()]
    absent = _left_out(folder)
    result = runner.grade_submission(tmp_path, chapters)
    graded = [t for t in result.tests if (t.chapter, t.exercise) not in absent]
    lost = "\n".join(f"  {t.exercise} ({t.name}): {t.output}" for t in graded if not t.passed)
    assert graded and not lost, f"correct outside answers lose points:\n{lost}"


def _left_out(folder: Path) -> set[tuple[str, str]]:
    """(chapter, function) for each function of ``folder`` that only raises NotImplementedError."""
    absent = set()
    for path in folder.glob("*.py"):
        for node in ast.parse(path.read_bytes()).body:  # bytes: a coding cookie is honoured
            if isinstance(node, ast.FunctionDef) and len(node.body) == 1:
                stmt = node.body[0]
                if (isinstance(stmt, ast.Raise) and isinstance(stmt.exc, ast.Call)
                        and getattr(stmt.exc.func, "id", None) == "NotImplementedError"):
                    absent.add((path.stem, node.name))
    return absent


# One chapter's module-wide torch settings, honest in that chapter (its docstring: "All tensors
# are float64"), and a module that switches autograd off because its exercises never need it.
_GLOBAL_SETTINGS = {
    "neural_networks": "torch.set_default_dtype(torch.float64)\n\n\n"
    "def sigmoid_grad_chain(x, y, W1, W2):  # a float64 tensor through the module's default\n"
    "    a = torch.sigmoid(x @ W1)\n"
    "    return torch.tensor(float(-2 * (y - a @ W2) * W2[0] * a[0] * (1 - a[0]) * x[0]))\n",
    "optimizers": "torch.set_grad_enabled(False)\n",
    "softmax_regression": "def one_hot(y, num_classes):  # d2l: torch.zeros in the default dtype\n"
    "    out = torch.zeros(len(y), num_classes)\n"
    "    out[torch.arange(len(y)), y] = 1\n"
    "    return out\n",
    "overfitting": "",
}


@pytest.mark.instructor  # reads the reference answers
def test_a_modules_torch_settings_stay_in_that_module(tmp_path):
    """torch.set_default_dtype or set_grad_enabled at one module's import applies to that
    module's calls only: a d2l one_hot (torch.zeros) lost its points in softmax_regression when
    neural_networks.py set float64 as the default, and every gradient test of the chapters
    after optimizers.py failed when it switched autograd off."""
    for chapter, extra in _GLOBAL_SETTINGS.items():
        source = (runner.REFERENCE_DIR / f"{chapter}.py").read_text()
        (tmp_path / f"{chapter}.py").write_text(f"{source}\n\n{extra}")
    result = runner.grade_submission(tmp_path, list(_GLOBAL_SETTINGS))
    lost = "\n".join(f"  {t.exercise} ({t.name}): {t.output}" for t in result.tests if not t.passed)
    assert result.score == result.max_score, f"another module's settings cost points:\n{lost}"


def _first_message(tmp_path, chapter, source):
    """The message of the first test of ``chapter`` for a submission of ``source`` alone."""
    (tmp_path / f"{chapter}.py").write_text(source)
    return runner.grade_submission(tmp_path, [chapter]).tests[0].output


def test_an_import_error_shows_the_line_of_the_module(tmp_path):
    """A module whose top level fails (a notebook export's leftover import of a package the
    grader cannot load, a typo) names the student's own line, also when the error is raised
    deep inside a library: the report said only "No module named 'logging.config'" for a
    `from IPython import display` at line 2."""
    message = _first_message(tmp_path, "linear_regression", (
        "import json\n\n\ndef deep(n):\n    return deep(n - 1) if n else json.loads('{')\n\n\n"
        "CONFIG = deep(8)\n"
    ))
    assert "JSONDecodeError" in message and 'linear_regression.py", line 8' in message, message


def test_a_missing_package_says_which_and_what_to_do(tmp_path):
    """An LLM-style module importing pandas at the top for its demo: the message names the
    package and says how to fix it (it said "copy what it needs from your other files")."""
    message = _first_message(tmp_path, "overfitting", (
        "import pandas as pd\n\n\ndef best_epoch(scores):\n    return 1\n\n\n"
        "if __name__ == '__main__':\n    print(pd.Series([best_epoch([0.5])]))\n"
    ))
    assert "No module named 'pandas'" in message and "__main__" in message, message
    assert 'overfitting.py", line 1' in message, message


def test_an_indexed_assignment_of_another_dtype_says_what_to_do(tmp_path):
    """CS224n's stable sigmoid, z = np.zeros_like(x, dtype=np.float64) filled by masks, ported
    to torch: NumPy casts on assignment, torch raises "Index put requires the source and
    destination dtypes match" for float32 x, and the report showed that RuntimeError alone."""
    message = _first_message(tmp_path, "activations", (
        "import torch\n\n\ndef sigmoid(x):\n    pos_mask = (x >= 0)\n"
        "    z = torch.zeros_like(x, dtype=torch.float64)\n"
        "    z[pos_mask] = torch.exp(-x[pos_mask])\n    return z\n"
    ))
    assert "dtypes match" in message and "zeros_like(x)" in message, message


@pytest.mark.instructor  # reads the reference answers
def test_a_plot_at_the_top_of_a_module_is_graded(tmp_path):
    """A notebook exported as a module plots at its top level (titles, a saved figure): as root
    with a Python under /root, matplotlib found no font in the sandbox (the codecs it reads font
    names with were not loaded there) and the import failed, every point of the chapter lost."""
    source = (runner.REFERENCE_DIR / "overfitting.py").read_text()
    plot = ("\n\nimport matplotlib.pyplot as plt\n\nscores = [0.6, 0.8, 0.7]\n"
            "plt.plot(range(1, 4), scores)\nplt.title(f'best epoch {best_epoch(scores)}')\n"
            "plt.savefig('scores.png')\nplt.show()\n")  # fmt: skip
    (tmp_path / "overfitting.py").write_text(source + plot)
    result = runner.grade_submission(tmp_path, ["overfitting"])
    lost = "\n".join(f"  {t.exercise} ({t.name}): {t.output}" for t in result.tests if not t.passed)
    assert result.score == result.max_score, f"a top-level plot costs points:\n{lost}"


_OWN_AUTOGRAD_FUNCTION = '''

class _Sigmoid(torch.autograd.Function):  # PyTorch's tutorial "Defining new autograd functions"
    @staticmethod
    def forward(ctx, x):
        s = 1 / (1 + torch.exp(-x))
        ctx.save_for_backward(s)
        return s

    @staticmethod
    def backward(ctx, grad_out):
        (s,) = ctx.saved_tensors
        return grad_out * s * (1 - s)


class _ReLU(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x.clamp(min=0)

    @staticmethod
    def backward(ctx, grad_out):
        (x,) = ctx.saved_tensors
        return grad_out * (x > 0).to(grad_out.dtype)


def sigmoid(x):
    return _Sigmoid.apply(x)


def relu(x):
    return _ReLU.apply(x)
'''


@pytest.mark.instructor  # reads the reference answers
def test_an_autograd_function_of_their_own_is_written_by_hand(tmp_path):
    """sigmoid and relu as torch.autograd.Function subclasses, forward and backward written by
    hand: they lost every point of both ("it uses torch.autograd") though they call no autograd;
    torch.autograd.grad, imported by name, still costs sigmoid its points."""
    source = (runner.REFERENCE_DIR / "activations.py").read_text()
    (tmp_path / "activations.py").write_text(source + _OWN_AUTOGRAD_FUNCTION)
    result = runner.grade_submission(tmp_path, ["activations"])
    lost = "\n".join(f"  {t.exercise} ({t.name}): {t.output}" for t in result.tests if not t.passed)
    assert result.score == result.max_score, f"an autograd.Function of their own costs:\n{lost}"
    (tmp_path / "activations.py").write_text(source + (
        "\n\nfrom torch.autograd import grad\n\n\ndef sigmoid(x):\n"
        "    t = x.detach().clone().requires_grad_(True)\n"
        "    return grad(torch.log1p(torch.exp(t)).sum(), t)[0] + 0 * x\n"
    ))
    result = runner.grade_submission(tmp_path, ["activations"])
    values = [t for t in result.tests if t.name == "test_sigmoid_values"]
    assert values and "torch.autograd.grad" in values[0].output and not values[0].passed, values


# Layers of torch.nn with Parameters of their own, the computation written by hand (under
# torch.no_grad() where a Parameter requires grad): each lost its points to the watch ("a tensor
# subclass of its own", "a tensor made to require grad"), found by a red team in session 27.
_MODULES_OF_THEIR_OWN = {
    "activations": """

class _Leaky(torch.nn.Module):
    def __init__(self, slope):
        super().__init__()
        self.slope = torch.nn.Parameter(torch.tensor(slope, dtype=torch.float64),
                                        requires_grad=False)

    def forward(self, x):
        return torch.where(x > 0, x, self.slope.to(x.dtype) * x)


def leaky_relu(x, negative_slope=0.01):
    return _Leaky(negative_slope)(x)


class _Step(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.height = torch.nn.Parameter(torch.ones(()))  # requires grad, never used by autograd

    def forward(self, x):
        with torch.no_grad():
            return (x > 0).to(x.dtype) * self.height.to(x.dtype)


def relu_grad(x):
    return _Step()(x)
""",
    "mlp": """

def mlp_backward(X, y, W1, b1, W2, b2):
    n = X.shape[0]
    with torch.no_grad():  # torch.nn.Linear for the forward pass only
        hidden = torch.nn.Linear(*W1.shape, dtype=W1.dtype)
        output = torch.nn.Linear(*W2.shape, dtype=W2.dtype)
        hidden.weight.copy_(W1.T)
        hidden.bias.copy_(b1)
        output.weight.copy_(W2.T)
        output.bias.copy_(b2)
        Z = hidden(X)
        H = Z.clamp(min=0)
        P = torch.softmax(output(H), dim=1)
        dO = (P - torch.nn.functional.one_hot(y, P.shape[1]).to(P.dtype)) / n
        dZ = (dO @ W2.T) * (Z > 0).to(dO.dtype)
        return X.T @ dZ, dZ.sum(0), H.T @ dO, dO.sum(0)
""",
}


@pytest.mark.instructor  # reads the reference answers
@pytest.mark.parametrize("chapter", _MODULES_OF_THEIR_OWN)
def test_a_module_with_parameters_computing_by_hand_earns_every_point(chapter, tmp_path):
    source = (runner.REFERENCE_DIR / f"{chapter}.py").read_text()
    (tmp_path / f"{chapter}.py").write_text(source + _MODULES_OF_THEIR_OWN[chapter])
    result = runner.grade_submission(tmp_path, [chapter])
    lost = "\n".join(f"  {t.exercise} ({t.name}): {t.output}" for t in result.tests if not t.passed)
    assert result.score == result.max_score, f"torch.nn layers of their own cost:\n{lost}"


_CATEGORICAL = {
    "losses": "import torch.distributions as D\n\n\ndef kl_divergence(p, q):\n"
    "    return D.kl_divergence(D.Categorical(probs=p), D.Categorical(probs=q))\n\n\n"
    "def nll_loss(log_probs, target):\n"
    "    return -D.Categorical(logits=log_probs).log_prob(target).mean()\n",
    "softmax_regression": "def cross_entropy(y_hat, y):\n"
    "    return -torch.distributions.Categorical(probs=y_hat).log_prob(y)\n",
}


@pytest.mark.instructor  # reads the reference answers
@pytest.mark.parametrize("chapter", _CATEGORICAL)
def test_torch_distributions_categorical_earns_every_point(chapter, tmp_path):
    """kl_divergence as torch.distributions.kl_divergence of two Categorical(probs=...), nll_loss
    as -Categorical(logits=log_probs).log_prob(target).mean() and cross_entropy as
    -Categorical(probs=y_hat).log_prob(y): right values, but Categorical
    renormalises its probs, which adds a constant to each distribution's gradient; the
    gradient tests took it for a wrong gradient (points lost, no word why)."""
    source = (runner.REFERENCE_DIR / f"{chapter}.py").read_text()
    (tmp_path / f"{chapter}.py").write_text(f"{source}\n\n{_CATEGORICAL[chapter]}")
    result = runner.grade_submission(tmp_path, [chapter])
    lost = "\n".join(f"  {t.exercise} ({t.name}): {t.output}" for t in result.tests if not t.passed)
    assert result.score == result.max_score, f"torch.distributions' Categorical costs:\n{lost}"


# Outside code that is wrong, graded for its messages: each test of the exercise it fails
# names the mistake. ML-From-Scratch (eriklindernoren)'s Adam divides m and v by (1 - b1) and
# (1 - b2) at every step; Keras' kl_divergence clips p and q at 1e-7, the weight p included;
# rasbt's minibatch_generator stops at n - batch_size + 1, dropping the last, shorter batch;
# MLX's SGD keeps lr as mx.array(lr), float32, and its init reads fans channels-last; MindSpore's
# LossBase.get_loss reduces in float32 and casts back to the input's dtype. ignite's Accuracy
# takes one column for its binary case and raises for scores other than 0 and 1; its
# NotComputableError is a RuntimeError. Paddle's dropout compares its draws with full([1], p),
# which grows a 0-d X to (1,); its _compute_fans reads a 2-d weight as (in, out). SciPy's
# softmax normalises the whole array by default; its rel_entr by torch.where has a nan slope.
# ONNX's reference Dropout divides by 1 - p at p = 1; Deep Learning from Scratch's Relu layer
# zeroes dout in place, and its numerical_gradient ported to torch saves x[idx], a view.
# d2l's accuracy compares one column's scores themselves with y when q = 1, an (n, n) table for
# n > 1; scikit-learn's softmax works in place (exp_, /=) on a copy, which autograd refuses;
# Coursera ML's normalEqn forms X^T X; optax's adagrad starts its sum at 0.1; statsmodels'
# shannonentropy reads a 2-d p as one joint distribution; a JAX port of synthetic_data draws
# from a generator seeded inside, a fixed PRNGKey(0); tf.nn.dropout refuses rate 1 (session 38).
_WRONG_OUTSIDE = {
    "numerical_gradient_fixed_nudge": (
        "neural_networks", "numerical_gradient", "stay the same when eps changes", """
def numerical_gradient(inputs, outputs, weights, eps=1e-4):  # pskrunner14's perturb vector
    import math

    shapes = [w.shape for w in weights]
    paramsInitial = torch.cat([w.reshape(-1) for w in weights])
    numgrad = torch.zeros_like(paramsInitial)
    perturb = torch.zeros_like(paramsInitial)
    e = 1 * math.e - 4  # meant 1e-4: it is -1.28, and eps is never read

    def setParams(params):
        out, start = [], 0
        for shape in shapes:
            end = start + shape.numel()
            out.append(params[start:end].reshape(shape))
            start = end
        return out

    for p in range(len(paramsInitial)):
        perturb[p] = e
        loss2 = feed_forward(inputs, outputs, setParams(paramsInitial + perturb))
        loss1 = feed_forward(inputs, outputs, setParams(paramsInitial - perturb))
        numgrad[p] = (loss2 - loss1) / (2 * e)
        perturb[p] = 0
    return setParams(numgrad)
""",
    ),
    "optimizers": ("optimizers", "adam_step", "without the exponent t", """
def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    b1, b2 = betas
    m = [b1 * mi + (1 - b1) * g for mi, g in zip(state.get("m") or [0 * g for g in grads], grads)]
    v = [b2 * vi + (1 - b2) * g * g for vi, g in zip(state.get("v") or [0 * g for g in grads],
                                                   grads)]
    new = [w - lr * (mi / (1 - b1)) / (torch.sqrt(vi / (1 - b2)) + 1e-8)
           for w, mi, vi in zip(params, m, v)]
    return new, {"step": state.get("step", 0) + 1, "m": m, "v": v}
"""),
    "linear_regression": ("linear_regression", "data_iter", "drop", """
def data_iter(batch_size, features, labels):  # rasbt's minibatch_generator (ch11), NumPy shuffle
    import numpy as np

    indices = np.arange(features.shape[0])
    np.random.shuffle(indices)
    for start_idx in range(0, indices.shape[0] - batch_size + 1, batch_size):
        batch_idx = indices[start_idx:start_idx + batch_size]
        yield features[batch_idx], labels[batch_idx]
"""),
    "losses": ("losses", "kl_divergence", "clamped p and q", """
def kl_divergence(p, q):
    y_true, y_pred = torch.clip(p, 1e-7, 1), torch.clip(q, 1e-7, 1)
    return torch.sum(y_true * torch.log(y_true / y_pred), dim=-1)
"""),
    "losses_mindspore": ("losses", "l1_loss", "float32 numbers", """
def l1_loss(y_hat, y, reduction="mean"):  # MindSpore's L1Loss and LossBase.get_loss
    if reduction not in ('mean', 'sum', 'none'):
        raise ValueError(f"reduction method for {reduction.lower()} is not supported")
    x = torch.abs(y_hat - y)
    input_dtype = x.dtype
    x = x.to(torch.float32)  # self.cast(x, mstype.float32)
    if reduction == 'mean':
        x = x.mean(tuple(range(x.dim())))
    if reduction == 'sum':
        x = x.sum(tuple(range(x.dim())))
    return x.to(input_dtype)
"""),
    "softmax_regression_ignite": ("softmax_regression", "accuracy", "one column (q = 1)", """
def accuracy(y_hat, y):  # ignite's Accuracy: one column is its "binary" case, 0/1 scores only
    if y.ndimension() + 1 == y_hat.ndimension() and y_hat.shape[1] == 1:
        if not torch.equal(y_hat, y_hat ** 2):
            raise ValueError("For binary cases, y_pred must be comprised of 0's and 1's.")
        correct = torch.eq(y_hat.view(-1).to(y), y.view(-1))
    else:
        correct = torch.eq(torch.argmax(y_hat, dim=1), y).view(-1)
    return torch.sum(correct).item() / correct.shape[0]
"""),
    "overfitting_ignite": ("overfitting", "best_epoch", "subclasses ValueError", """
class NotComputableError(RuntimeError):  # ignite.exceptions
    pass


def best_epoch(scores):  # ignite's NoImprovementHandler._update_state over the history
    best_score, best = None, None
    for epoch, score in enumerate(scores, start=1):
        if best_score is None or score > best_score:
            best_score, best = score, epoch
    if best is None:
        raise NotComputableError("EarlyStopping must have at least one score.")
    return best
"""),
    "overfitting_paddle": ("overfitting", "dropout_layer", "broadcasts to (1,)", """
def dropout_layer(X, dropout):  # Paddle's dropout, its python branch: p = full([1], p)
    p, x = dropout, X
    if p == 0:
        return x
    elif p < 0 or p > 1:
        raise ValueError("p argument should between 0 and 1")
    if p == 1.0:
        return x * 0.0
    keep_prob = 1 - p
    scale_input = x * (1 / keep_prob)
    random_tensor = torch.rand(list(x.shape), dtype=torch.float32)
    p = torch.full([1], p, dtype=torch.float32)
    keep_mask = torch.greater_equal(random_tensor, p).to(x.dtype)
    return torch.multiply(scale_input, keep_mask)
"""),
    "mlp_paddle": ("mlp", "he_normal_", "(in_features, out_features)", """
def he_normal_(W, mode="fan_in"):  # Paddle's KaimingNormal: _compute_fans reads (in, out)
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"mode should be fan_in or fan_out, got {mode}")
    shape = W.shape
    if len(shape) == 2:  # This is the case for simple matrix multiply
        f_in, f_out = shape[0], shape[1]
    else:
        receptive_field_size = math.prod(shape[2:])
        f_in, f_out = shape[1] * receptive_field_size, shape[0] * receptive_field_size
    fan_in = f_in if mode == "fan_in" else f_out
    std = math.sqrt(2.0) / math.sqrt(float(fan_in))
    with torch.no_grad():
        return W.copy_(torch.normal(0.0, std, W.shape, dtype=W.dtype))
"""),
    "softmax_regression_scipy": ("softmax_regression", "softmax", "axis=None", """
def softmax(X, axis=None):  # scipy.special.softmax, called with its default axis
    x_max = torch.amax(X) if axis is None else torch.amax(X, dim=axis, keepdim=True)
    exp_x_shifted = torch.exp(X - x_max)
    if axis is None:
        return exp_x_shifted / torch.sum(exp_x_shifted)
    return exp_x_shifted / torch.sum(exp_x_shifted, dim=axis, keepdim=True)
"""),
    "losses_scipy": ("losses", "kl_divergence", "infinite slope", """
def kl_divergence(p, q):  # scipy.stats.entropy(pk, qk, axis=-1), special.rel_entr by torch.where
    pk = 1.0 * p / torch.sum(p, dim=-1, keepdim=True)
    qk = 1.0 * q / torch.sum(q, dim=-1, keepdim=True)
    vec = torch.where((pk > 0) & (qk > 0), pk * torch.log(pk / qk),
                      torch.where((pk == 0) & (qk >= 0), 0.0, torch.inf))
    return torch.sum(vec, dim=-1)
"""),
    "optimizers_mlx": ("optimizers", "momentum_step", "learning rate as a float32 number", """
def momentum_step(params, grads, state, lr, momentum):  # MLX's SGD.apply_single
    new_params, new_v = [], []
    for i, (parameter, gradient) in enumerate(zip(params, grads)):
        v = momentum * (state["v"][i] if state else torch.zeros_like(parameter))
        v = v + gradient
        new_v.append(v)
        learning_rate = torch.tensor(lr, dtype=torch.float32)  # mx.array(lr)
        new_params.append(parameter - learning_rate.to(gradient.dtype) * v)
    return new_params, {"v": new_v}
"""),
    "mlp_mlx": ("mlp", "he_normal_", "channels-last", """
def he_normal_(W, mode="fan_in"):  # MLX's nn.init.he_normal, gain sqrt(2)
    fan_in, fan_out = W.shape[-1], W.shape[0]  # _calculate_fan_in_fan_out
    if W.ndim > 2:
        receptive_field = 1
        for d in W.shape[1:-1]:
            receptive_field *= d
        fan_in, fan_out = fan_in * receptive_field, fan_out * receptive_field
    if mode == "fan_in":
        fan = fan_in
    elif mode == "fan_out":
        fan = fan_out
    else:
        raise ValueError(f"Invalid mode: {mode}. Valid modes are: fan_in, fan_out")
    std = math.sqrt(2.0) / math.sqrt(fan)
    with torch.no_grad():
        return W.copy_(torch.normal(0.0, std, size=tuple(W.shape), dtype=torch.float32))
"""),
    "overfitting_stax": ("overfitting", "dropout_layer", "you keep with probability p", """
def dropout_layer(X, dropout):  # jax.example_libraries.stax.Dropout(rate): rate is KEPT
    rate = dropout
    keep = torch.rand(X.shape, dtype=X.dtype) < rate  # random.bernoulli(rng, rate, shape)
    return torch.where(keep, X / rate, 0)
"""),
    "overfitting_minitorch": ("overfitting", "dropout_layer", "divided by 1 - p", """
def dropout_layer(X, dropout):  # MiniTorch's nn.dropout: input * (rand(input.shape) > rate)
    return X * (torch.rand(X.shape) > dropout)
"""),
    "overfitting_onnx": ("overfitting", "dropout_layer", "p = 1 is a valid rate", """
def dropout_layer(X, dropout):  # ONNX's reference _dropout(X, ratio, training_mode=True)
    drop_probability, training_mode = dropout, True
    if drop_probability == 0 or not training_mode:
        return X
    mask = torch.rand(X.shape) >= drop_probability  # RandomState(seed).uniform(0, 1.0, shape)
    scale = 1.0 / (1.0 - drop_probability)
    return mask * X * scale
"""),
    "mlp_dlfs": ("mlp", "relu_backward", "modified in place", """
def relu_backward(Z, dH):  # Deep Learning from Scratch's Relu: mask = (x <= 0), dout[mask] = 0
    mask = (Z <= 0)
    dout = dH
    dout[mask] = 0
    dx = dout
    return dx
"""),
    "neural_networks_dlfs_view": ("neural_networks", "numerical_gradient", "view of", """
def numerical_gradient(inputs, outputs, weights, eps=1e-4):  # DLFS's gradient.py, in torch
    grads = []
    for x in weights:
        h = eps
        grad = torch.zeros_like(x)
        for idx in map(tuple, torch.cartesian_prod(*[torch.arange(s) for s in x.shape])
                       .reshape(x.numel(), -1).tolist()):
            tmp_val = x[idx]  # a copy in NumPy, a view in torch: it follows x[idx]
            x[idx] = float(tmp_val) + h
            fxh1 = feed_forward(inputs, outputs, weights)  # f(x+h)
            x[idx] = tmp_val - h
            fxh2 = feed_forward(inputs, outputs, weights)  # f(x-h)
            grad[idx] = (fxh1 - fxh2) / (2 * h)
            x[idx] = tmp_val
        grads.append(grad)
    return grads
"""),
    "softmax_regression_d2l_q1": ("softmax_regression", "accuracy", "(n, n) table", """
def accuracy(y_hat, y):  # d2l's accuracy, divided by len(y) as its evaluate_accuracy does
    if len(y_hat.shape) > 1 and y_hat.shape[1] > 1:
        y_hat = y_hat.argmax(axis=1)
    cmp = y_hat.type(y.dtype) == y
    return float(cmp.type(y.dtype).sum()) / len(y)
"""),
    "softmax_regression_sklearn": ("softmax_regression", "softmax", "out-of-place form", """
def softmax(X, copy=True):  # scikit-learn's utils.extmath.softmax, in place on a copy
    if copy:
        X = X.clone()  # np.copy(X)
    max_prob = torch.amax(X, dim=1).reshape((-1, 1))
    X -= max_prob
    X.exp_()  # np.exp(X, X)
    sum_prob = torch.sum(X, dim=1).reshape((-1, 1))
    X /= sum_prob
    return X
"""),
    "linear_regression_normal_eqn": ("linear_regression", "closed_form",
                                     "squares the condition number", """
def closed_form(X, y):  # Coursera ML's ex1 normalEqn.m: theta = pinv(X' * X) * X' * y
    m = y.shape[0]
    X = torch.cat([torch.ones(m, 1, dtype=X.dtype), X], dim=1)  # X = [ones(m, 1), X]
    theta = torch.linalg.pinv(X.T @ X) @ X.T @ y.reshape(m, 1)
    return theta[1:], theta[0, 0]
"""),
    "optimizers_optax": ("optimizers", "adagrad_step", "state['s'] = 0.1", """
def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):  # optax.adagrad's scale_by_rss
    initial_accumulator_value = 0.1  # optax's default; its eps goes inside the rsqrt too
    sum_of_squares = state.get("s") or [torch.full_like(p, initial_accumulator_value)
                                        for p in params]
    sum_of_squares = [g * g + s for g, s in zip(grads, sum_of_squares)]
    inv_sqrt_g_square = [torch.where(s > 0, torch.rsqrt(s + eps), 0.0) for s in sum_of_squares]
    updates = [sc * g for sc, g in zip(inv_sqrt_g_square, grads)]
    return [p - lr * u for p, u in zip(params, updates)], {"s": sum_of_squares}
"""),
    "softmax_regression_statsmodels": ("softmax_regression", "entropy", "last dimension only", """
import math  # noqa: E402


def entropy(p, logbase=math.e):  # statsmodels' sandbox infotheo.shannonentropy(px, logbase)
    px = p  # "1d or 2d": a 2-d px is one JOINT distribution, so every entry is summed
    if not torch.all(px <= 1) or not torch.all(px >= 0):
        raise ValueError('px does not define proper distribution')
    entropy = -torch.sum(torch.nan_to_num(px * torch.log2(px)))
    if logbase != 2:
        return math.log(2) / math.log(logbase) * entropy  # logbasechange(2, logbase)
    return entropy
"""),
    "linear_regression_jax_key": ("linear_regression", "synthetic_data", "torch.Generator()", """
def synthetic_data(w, b, num_examples):  # a JAX port: key = random.PRNGKey(0), then its draws
    key = torch.Generator().manual_seed(0)  # random.PRNGKey(0), made at every call
    X = torch.normal(0.0, 1.0, (num_examples, len(w)), generator=key, dtype=w.dtype)
    y = X @ w.reshape(-1, 1) + b
    y = y + 0.01 * torch.normal(0.0, 1.0, y.shape, generator=key, dtype=w.dtype)
    return X, y
"""),
    "overfitting_tf": ("overfitting", "dropout_layer", "p = 1 is a valid rate", """
def dropout_layer(X, dropout):  # tf.nn.dropout (nn_ops._dropout), rate as a Python number
    import numbers

    x, rate = X, dropout
    is_rate_number = isinstance(rate, numbers.Real)
    if is_rate_number and (rate < 0 or rate >= 1):
        raise ValueError("`rate` must be a scalar tensor or a float in the range [0, 1). "
                         f"Received: rate={rate}")
    if is_rate_number and rate == 0:
        return x
    keep_prob = 1 - rate
    scale = 1 / keep_prob
    ret = x * scale  # gen_math_ops.mul(x, scale)
    random_tensor = torch.rand(x.shape, dtype=x.dtype)  # uniform_sampler(shape=noise_shape)
    keep_mask = random_tensor >= rate
    return ret * keep_mask.to(x.dtype)
"""),
    "softmax_regression_nielsen": ("softmax_regression", "accuracy",
                                   "NUMBER of correct predictions", """
def accuracy(y_hat, y):  # Nielsen's Network.accuracy: the count of right answers
    results = [(np.argmax(a), t) for (a, t) in zip(y_hat.numpy(), y.numpy())]
    return sum(int(x == y) for (x, y) in results)


import numpy as np  # noqa: E402
"""),
}


@pytest.mark.instructor  # reads the reference answers
@pytest.mark.parametrize("case", _WRONG_OUTSIDE)
def test_wrong_outside_code_is_told_its_mistake_in_every_failed_test(case, tmp_path):
    """ML-From-Scratch's Adam is right at step 1 only: its test of the inputs, fed a state three
    steps in, told it to read the state from its argument, never from a module's variable,
    which it does. Keras' kl_divergence lost the points of p's zeros with "the values do not
    match" and no word of the clamp (its weight p is clamped too, where p is 0). MLX's momentum,
    lr alone float32, was told to fix the state it returns; its he_normal_, fans read
    channels-last, was told fan_in's formula for mode='fan_out', and nothing in the hidden test.
    Nielsen's accuracy, a count, heard "expected 0.75, got 6" alone in the test of its inputs.
    stax's Dropout(rate) keeps with probability rate: at p = 0 (all dropped) two tests said only
    "return X's values", and the hidden test "expected 0.65" with no word of keep and drop.
    pskrunner14's numerical_gradient, its nudge e = 1 * math.e - 4 (meant 1e-4) and eps unread,
    heard "not close enough" alone, and "a one-sided difference or a weight left nudged"."""
    chapter, exercise, words, code = _WRONG_OUTSIDE[case]
    source = (runner.REFERENCE_DIR / f"{chapter}.py").read_text()
    (tmp_path / f"{chapter}.py").write_text(f"{source}\n\n{code}")
    result = runner.grade_submission(tmp_path, [chapter])
    failed = [t for t in result.tests if not t.passed]
    assert failed and all(t.exercise == exercise for t in failed), [t.name for t in failed]
    # stax's dropout also raises no ValueError for a rate outside [0, 1]: told so on its own
    told_apart = {"test_dropout_rejects_invalid_rate"}
    untold = "\n".join(f"  {t.name}: {t.output}" for t in failed
                       if words not in t.output and t.name not in told_apart)
    assert not untold, f"failed tests of {exercise} that do not say {words!r}:\n{untold}"
