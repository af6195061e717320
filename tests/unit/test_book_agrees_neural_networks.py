"""The page "How a neural network learns" teaches code; check that what it teaches is right.

The page defines its network in NumPy (``sigmoid``, ``feed_forward``, ``numerical_gradient``,
``grad_w11_chain_rule``). ``tests/pagecode.py`` pulls those definitions out of the page (it runs
only the definition cells), and the tests compare them with the grading reference
(``tests/grading/reference/neural_networks.py``, in torch) and with ``torch.autograd``, so an
edit that breaks the page's code, or makes it teach something else than the exercises grade,
fails here.
"""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest
import torch

from tests.pagecode import ROOT, page_namespace

PAGE = "book/neural-networks/how-networks-learn.md"
NAMES = ["sigmoid", "feed_forward", "numerical_gradient", "grad_w11_chain_rule"]
SHAPES = [(1, 2, 3), (5, 2, 3), (8, 4, 6)]  # (n examples, d inputs, h hidden units)


@pytest.fixture(scope="module")
def page():
    return page_namespace(PAGE, NAMES)


@pytest.fixture(scope="module")
def reference():
    path = ROOT / "tests/grading/reference/neural_networks.py"
    spec = importlib.util.spec_from_file_location("reference_neural_networks", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _network(seed: int, n: int, d: int, h: int):
    """Random float64 tensors: inputs (n, d), outputs (n, 1), [W1, b1, W2, b2]."""
    g = torch.Generator().manual_seed(seed)

    def randn(*shape):
        return torch.randn(*shape, generator=g, dtype=torch.float64)

    return randn(n, d), randn(n, 1), [randn(d, h), randn(h), randn(h, 1), randn(1)]


def _numpy(tensors):
    return [t.numpy().copy() for t in tensors]


def check_feed_forward(page, reference, seed, n, d, h):
    inputs, outputs, weights = _network(seed, n, d, h)
    got = page["feed_forward"](inputs.numpy(), outputs.numpy(), _numpy(weights))
    assert np.ndim(got) == 0, "feed_forward returns one number"
    want = reference.feed_forward(inputs, outputs, weights)
    assert float(got) == pytest.approx(want.item(), rel=1e-12, abs=1e-15)


@pytest.mark.parametrize(("n", "d", "h"), SHAPES)
def test_page_feed_forward_matches_reference(page, reference, n, d, h):
    check_feed_forward(page, reference, n + d + h, n, d, h)


def test_page_feed_forward_on_the_worked_example(page):
    x = np.array([[1.0, 1.0]])
    W1 = np.array([[0.8, 0.4, 0.3], [0.2, 0.9, 0.5]])
    W2 = np.array([[0.3], [0.5], [0.9]])
    loss = page["feed_forward"](x, np.zeros((1, 1)), [W1, np.zeros(3), W2, np.zeros(1)])
    assert float(loss) == pytest.approx(1.5208, abs=5e-5)


def test_page_sigmoid_matches_torch(page):
    z = torch.linspace(-30, 30, 101, dtype=torch.float64)
    np.testing.assert_allclose(page["sigmoid"](z.numpy()), torch.sigmoid(z).numpy(), rtol=1e-12)


def test_page_numerical_gradient_is_close_to_autograd_and_leaves_weights_alone(page):
    inputs, outputs, weights = _network(7, 4, 2, 3)
    arrays = _numpy(weights)
    before = [a.copy() for a in arrays]
    grads = page["numerical_gradient"](inputs.numpy(), outputs.numpy(), arrays)
    for a, b in zip(arrays, before, strict=True):
        np.testing.assert_array_equal(a, b, err_msg="numerical_gradient changed the weights")
    leaves = [w.clone().requires_grad_(True) for w in weights]
    torch.nn.functional.mse_loss(
        torch.sigmoid(inputs @ leaves[0] + leaves[1]) @ leaves[2] + leaves[3], outputs
    ).backward()
    for g, leaf in zip(grads, leaves, strict=True):
        assert g.shape == leaf.shape
        # a forward difference with eps = 1e-4 is off by about eps * curvature
        np.testing.assert_allclose(g, leaf.grad.numpy(), rtol=1e-3, atol=1e-3)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_page_chain_rule_matches_reference_and_autograd(page, reference, seed):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(2, generator=g, dtype=torch.float64)
    y = float(torch.randn((), generator=g, dtype=torch.float64))
    W1 = torch.randn(2, 3, generator=g, dtype=torch.float64)
    W2 = torch.randn(3, generator=g, dtype=torch.float64)
    got = float(page["grad_w11_chain_rule"](x.numpy(), y, W1.numpy(), W2.numpy()))
    assert got == pytest.approx(reference.sigmoid_grad_chain(x, y, W1, W2).item(), rel=1e-12)
    leaf = W1.clone().requires_grad_(True)
    ((y - torch.sigmoid(x @ leaf) @ W2) ** 2).backward()
    assert got == pytest.approx(leaf.grad[0, 0].item(), rel=1e-12)
