"""The linear-regression pages teach code; check that what they teach is right.

Each test pulls the functions a page defines (via ``tests/pagecode.py``, which runs only the
page's definition cells) and compares them with a direct torch computation, so an edit that
breaks a page's code fails here even if the page still runs.
"""

from __future__ import annotations

import pytest
import torch
from torch import nn

from tests.pagecode import page_namespace

SCRATCH = "book/linear-regression/from-scratch.md"
CONCISE = "book/linear-regression/concise.md"


@pytest.fixture(scope="module")
def scratch():
    return page_namespace(SCRATCH, ["data_iter", "linreg", "squared_loss", "sgd"])


@pytest.fixture(scope="module")
def concise():
    return page_namespace(CONCISE, ["squared_loss"])


def _data(n: int, d: int = 2, seed: int = 0):
    gen = torch.Generator().manual_seed(seed)
    return torch.randn(n, d, generator=gen), torch.randn(n, 1, generator=gen)


@pytest.mark.parametrize(("n", "batch_size"), [(23, 5), (20, 5), (7, 10), (1000, 10)])
def test_data_iter_yields_every_example_once_with_short_last_batch(scratch, n, batch_size):
    features = torch.arange(n, dtype=torch.float32)[:, None].repeat(1, 2)  # row i holds i
    labels = torch.arange(n, dtype=torch.float32)[:, None] * 10
    batches = list(scratch["data_iter"](batch_size, features, labels))

    sizes = [len(X) for X, _ in batches]
    full, rest = divmod(n, batch_size)
    assert sizes == [batch_size] * full + ([rest] if rest else [])
    seen = torch.cat([X[:, 0] for X, _ in batches]).long()
    assert sorted(seen.tolist()) == list(range(n))  # every example exactly once
    for X, y in batches:  # features and labels stay paired
        assert y.shape == (len(X), 1)
        torch.testing.assert_close(y[:, 0], X[:, 0] * 10)


def test_data_iter_shuffles_and_follows_the_seed(scratch):
    features, labels = _data(100)

    def order(seed):
        torch.manual_seed(seed)
        return torch.cat([X[:, 0] for X, _ in scratch["data_iter"](10, features, labels)])

    assert torch.equal(order(0), order(0))
    assert not torch.equal(order(0), order(1))
    assert not torch.equal(order(0), features[:, 0])  # not the original order


def test_linreg_matches_torch_linear(scratch):
    X, _ = _data(17, d=3)
    gen = torch.Generator().manual_seed(1)
    w, b = torch.randn(3, 1, generator=gen), torch.randn(1, generator=gen)
    got = scratch["linreg"](X, w, b)
    assert got.shape == (17, 1)
    torch.testing.assert_close(got, nn.functional.linear(X, w.T, b))


@pytest.mark.parametrize("label_shape", [(12, 1), (12,)])
def test_squared_loss_is_half_squared_error_per_example(scratch, label_shape):
    y_hat, y = _data(12, d=1)
    y = y.reshape(label_shape)
    got = scratch["squared_loss"](y_hat, y)
    assert got.shape == (12, 1)  # no (12, 12) broadcasting accident
    torch.testing.assert_close(got, 0.5 * (y_hat - y.reshape(12, 1)) ** 2)


def test_squared_loss_mean_is_half_of_mse_loss(scratch, concise):
    y_hat, y = _data(50, d=1, seed=3)
    mse = nn.MSELoss()(y_hat, y)
    for page_loss in (scratch["squared_loss"], concise["squared_loss"]):
        torch.testing.assert_close(page_loss(y_hat, y).mean(), mse / 2)


def test_sgd_step_matches_the_formula_and_torch_optim(scratch):
    X, y = _data(8, d=2, seed=4)
    w = torch.randn(2, 1, generator=torch.Generator().manual_seed(5), requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    twin_w, twin_b = w.detach().clone().requires_grad_(), b.detach().clone().requires_grad_()
    lr, batch_size = 0.1, len(X)

    scratch["squared_loss"](scratch["linreg"](X, w, b), y).sum().backward()
    grads = (w.grad.clone(), b.grad.clone())
    expected = (w.detach() - lr * grads[0] / batch_size, b.detach() - lr * grads[1] / batch_size)
    w_id = id(w)
    scratch["sgd"]([w, b], lr, batch_size)

    assert id(w) == w_id  # updated in place
    torch.testing.assert_close(w.detach(), expected[0])
    torch.testing.assert_close(b.detach(), expected[1])
    assert torch.count_nonzero(w.grad) == 0 and torch.count_nonzero(b.grad) == 0
    # torch.optim.SGD on the *mean* loss takes the same step.
    optimizer = torch.optim.SGD([twin_w, twin_b], lr=lr)
    (0.5 * ((X @ twin_w + twin_b) - y) ** 2).mean().backward()
    optimizer.step()
    torch.testing.assert_close(w.detach(), twin_w.detach())
    torch.testing.assert_close(b.detach(), twin_b.detach())


def test_page_recipe_at_double_lr_equals_mse_loss_with_torch_sgd(scratch):
    """The concise page's claim: SGD(lr) on MSELoss == the scratch page's sgd at 2 lr."""
    gen = torch.Generator().manual_seed(6)
    features = torch.randn(200, 2, generator=gen)
    noise = 0.01 * torch.randn(200, 1, generator=gen)
    labels = features @ torch.tensor([[2.0], [-3.4]]) + 4.2 + noise
    torch.manual_seed(7)
    batches = [batch for _ in range(5) for batch in scratch["data_iter"](10, features, labels)]

    w = torch.zeros(2, 1, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    for X, y in batches:
        scratch["squared_loss"](scratch["linreg"](X, w, b), y).sum().backward()
        scratch["sgd"]([w, b], 0.06, len(X))

    net = nn.Linear(2, 1)
    nn.init.zeros_(net.weight)
    nn.init.zeros_(net.bias)
    optimizer = torch.optim.SGD(net.parameters(), lr=0.03)
    for X, y in batches:
        optimizer.zero_grad()
        nn.MSELoss()(net(X), y).backward()
        optimizer.step()

    torch.testing.assert_close(w.detach().T, net.weight.detach(), rtol=1e-5, atol=1e-6)
    torch.testing.assert_close(b.detach(), net.bias.detach(), rtol=1e-5, atol=1e-6)
    assert (w.detach().flatten() - torch.tensor([2.0, -3.4])).abs().max() < 0.05
