"""The activation-functions page and the chapter's reference answers agree with torch.

The page defines ``sigmoid``, ``relu`` and ``with_derivative`` (pulled out with
``tests/pagecode.py``, which runs only the page's definition cells); the exercises' reference
answers in ``tests/grading/reference/activations.py`` are what the grader compares students
with. Both are checked against ``torch`` and ``torch.nn.functional`` on random inputs of
several shapes and dtypes, so a wrong edit to either fails here.
"""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F

from coursekit.grading import runner
from tests.pagecode import page_namespace

PAGE = "book/activations/activations.md"
SHAPES = [(), (9,), (4, 5), (2, 3, 6)]
DTYPES = [torch.float32, torch.float64]


@pytest.fixture(scope="module")
def page():
    return page_namespace(PAGE, ["sigmoid", "relu", "with_derivative"])


@pytest.fixture(scope="module")
def reference():
    return runner.reference_module("activations")


def _x(shape, dtype, seed=0, scale=4.0, zeros=True) -> torch.Tensor:
    x = (scale * torch.randn(shape, generator=torch.Generator().manual_seed(seed))).to(dtype)
    if zeros and x.numel() >= 3:
        x.view(-1)[::3] = 0.0  # ReLU's kink
    return x


def _autograd(fn, x: torch.Tensor) -> torch.Tensor:
    leaf = x.clone().requires_grad_(True)
    fn(leaf).sum().backward()
    return leaf.grad


# --- the page -------------------------------------------------------------------------------


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("dtype", DTYPES)
def test_page_sigmoid_and_relu_match_torch(page, shape, dtype):
    x = _x(shape, dtype, seed=len(shape))
    torch.testing.assert_close(page["sigmoid"](x), torch.sigmoid(x))
    torch.testing.assert_close(page["relu"](x), torch.relu(x))


def test_page_with_derivative_matches_autograd_and_formulas(page):
    xs = torch.arange(-8.0, 8.0 + 1e-4, 0.1)
    value, grad = page["with_derivative"](torch.sigmoid, xs)
    torch.testing.assert_close(value, torch.sigmoid(xs))
    torch.testing.assert_close(grad, torch.sigmoid(xs) * (1 - torch.sigmoid(xs)))
    value, grad = page["with_derivative"](torch.tanh, xs)
    torch.testing.assert_close(grad, 1 - torch.tanh(xs) ** 2)
    # The page's own relu, differentiated at points away from the kink, is a 0/1 step.
    value, grad = page["with_derivative"](page["relu"], xs + 0.05)
    torch.testing.assert_close(grad, (xs + 0.05 > 0).float())
    assert not xs.requires_grad  # with_derivative must not turn the caller's tensor into a leaf


# --- the reference answers of the exercises -------------------------------------------------


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("dtype", DTYPES)
def test_reference_matches_torch(reference, shape, dtype):
    x = _x(shape, dtype, seed=10 + len(shape))
    torch.testing.assert_close(reference.sigmoid(x), torch.sigmoid(x))
    torch.testing.assert_close(reference.relu(x), F.relu(x))
    torch.testing.assert_close(reference.leaky_relu(x), F.leaky_relu(x))
    for slope in (0.0, 0.2, 0.5):
        torch.testing.assert_close(reference.leaky_relu(x, slope), F.leaky_relu(x, slope))
    # Derivatives: autograd of torch's own functions, at exact zeros included for ReLU
    # (torch.relu's backward gives 0 there, which relu_grad must match).
    torch.testing.assert_close(reference.sigmoid_grad(x), _autograd(torch.sigmoid, x))
    torch.testing.assert_close(reference.tanh_grad(x), _autograd(torch.tanh, x))
    torch.testing.assert_close(reference.relu_grad(x), _autograd(torch.relu, x))


@pytest.mark.parametrize("dtype", DTYPES)
def test_reference_is_stable_for_large_inputs(reference, dtype):
    x = torch.tensor([-1000.0, -100.0, -90.0, 0.0, 90.0, 100.0, 1000.0], dtype=dtype)
    for fn, want in [
        (reference.sigmoid, torch.sigmoid(x)),
        (reference.sigmoid_grad, _autograd(torch.sigmoid, x)),
        (reference.tanh_grad, _autograd(torch.tanh, x)),
    ]:
        got = fn(x)
        assert torch.isfinite(got).all(), f"{fn.__name__} gives inf/nan: {got}"
        torch.testing.assert_close(got, want, atol=1e-7, rtol=1e-5)
    # The reference sigmoid is differentiable everywhere, with torch's gradient.
    torch.testing.assert_close(_autograd(reference.sigmoid, x), _autograd(torch.sigmoid, x))


@pytest.mark.parametrize("fn", ["sigmoid", "sigmoid_grad", "tanh_grad", "relu", "relu_grad",
                                "leaky_relu"])  # fmt: skip
def test_reference_returns_new_tensor_and_keeps_input(reference, fn):
    x = _x((3, 4), torch.float64, seed=30)
    before = x.clone()
    out = getattr(reference, fn)(x)
    assert torch.equal(x, before), f"{fn} modified its input"
    assert out.data_ptr() != x.data_ptr(), f"{fn} returned its input"
    assert out.dtype == x.dtype and out.shape == x.shape
