"""The MLP chapter's pages and the exercises' reference answers agree with torch.

The backpropagation page defines ``linear_backward``, ``relu_backward`` and ``mlp_gradients``;
the initialization page defines ``xavier_uniform_`` and ``he_normal_`` (pulled out with
``tests/pagecode.py``). The reference answers in ``tests/grading/reference/mlp.py`` are what
the grader compares students with. Both are checked against autograd and ``torch.nn.init``.
"""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F

from coursekit.grading import runner
from tests.pagecode import page_namespace

BACKPROP = "book/mlp/backprop.md"
INIT = "book/mlp/numerical-stability.md"


@pytest.fixture(scope="module")
def backprop_page():
    return page_namespace(BACKPROP, ["linear_backward", "relu_backward", "mlp_gradients"])


@pytest.fixture(scope="module")
def init_page():
    return page_namespace(INIT, ["xavier_uniform_", "he_normal_"])


@pytest.fixture(scope="module")
def reference():
    return runner.reference_module("mlp")


def _problem(seed, n=12, d=9, h=7, q=4):
    g = torch.Generator().manual_seed(seed)
    X = torch.randn(n, d, generator=g, dtype=torch.float64)
    y = torch.randint(0, q, (n,), generator=g)
    shapes = [(d, h), (h,), (h, q), (q,)]
    params = [torch.randn(*s, generator=g, dtype=torch.float64) for s in shapes]
    return X, y, params


def _autograd(X, y, params):
    leaves = [p.clone().requires_grad_(True) for p in params]
    W1, b1, W2, b2 = leaves
    F.cross_entropy(torch.relu(X @ W1 + b1) @ W2 + b2, y).backward()
    return [leaf.grad for leaf in leaves]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_page_and_reference_gradients_match_autograd(backprop_page, reference, seed):
    X, y, params = _problem(seed)
    want = _autograd(X, y, params)
    _, page_grads = backprop_page["mlp_gradients"](X, y, *params)
    for got_page, got_ref, w in zip(page_grads, reference.mlp_backward(X, y, *params), want,
                                    strict=True):
        torch.testing.assert_close(got_page, w)
        torch.testing.assert_close(got_ref, w)


def test_linear_and_relu_backward_agree(backprop_page, reference):
    X, _, (W, b, _, _) = _problem(5, d=6, h=5)
    dY = torch.randn(12, 5, dtype=torch.float64)
    for fn in (backprop_page["linear_backward"], reference.linear_backward):
        leaves = [t.clone().requires_grad_(True) for t in (X, W, b)]
        (leaves[0] @ leaves[1] + leaves[2]).backward(dY)
        for got, leaf in zip(fn(X, W, dY), leaves, strict=True):
            torch.testing.assert_close(got, leaf.grad)
    Z = torch.tensor([-1.0, 0.0, 2.0, -0.0, 3.0], dtype=torch.float64)
    dH = torch.arange(1.0, 6.0, dtype=torch.float64)
    leaf = Z.clone().requires_grad_(True)
    torch.relu(leaf).backward(dH)
    torch.testing.assert_close(backprop_page["relu_backward"](Z, dH), leaf.grad)
    torch.testing.assert_close(reference.relu_backward(Z, dH), leaf.grad)


@pytest.mark.parametrize("shape", [(300, 200), (128, 512)])
def test_initializations_match_torch_nn_init(init_page, reference, shape):
    fan_out, fan_in = shape
    torch.manual_seed(0)
    theirs = torch.nn.init.xavier_uniform_(torch.empty(shape))
    for fn in (init_page["xavier_uniform_"], reference.xavier_uniform_):
        torch.manual_seed(0)
        torch.testing.assert_close(fn(torch.empty(shape)), theirs)
    torch.manual_seed(0)
    theirs = torch.nn.init.kaiming_normal_(torch.empty(shape), nonlinearity="relu")
    for fn in (init_page["he_normal_"], reference.he_normal_):
        torch.manual_seed(0)
        torch.testing.assert_close(fn(torch.empty(shape)), theirs)
    assert abs(theirs.std().item() - math.sqrt(2 / fan_in)) < 0.03 * math.sqrt(2 / fan_in)


def test_reference_he_normal_fan_out_and_conv(reference):
    for shape, mode in [((300, 100), "fan_out"), ((32, 16, 3, 3), "fan_in"),
                        ((32, 16, 3, 3), "fan_out")]:
        torch.manual_seed(1)
        theirs = torch.nn.init.kaiming_normal_(torch.empty(shape), mode=mode,
                                               nonlinearity="relu")
        torch.manual_seed(1)
        torch.testing.assert_close(reference.he_normal_(torch.empty(shape), mode), theirs)
    with pytest.raises(ValueError, match="mode"):
        reference.he_normal_(torch.empty(3, 3), "fan_avg")
