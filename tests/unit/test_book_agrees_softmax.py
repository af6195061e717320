"""The softmax-regression pages teach code; check that what they teach is right.

The functions each page defines are pulled out with ``tests/pagecode.py`` (which runs only the
page's definition cells) and compared with torch and with ``coursekit``, so an edit that breaks
a page's code, or makes it disagree with the library the later chapters use, fails here.
"""

from __future__ import annotations

import pytest
import torch
from torch import nn

import coursekit
from tests.pagecode import page_namespace

SCRATCH = "book/softmax-regression/from-scratch.md"
CONCISE = "book/softmax-regression/concise.md"


@pytest.fixture(scope="module")
def scratch():
    return page_namespace(SCRATCH, ["softmax", "cross_entropy", "accuracy", "sgd", "predict_ch3"])


@pytest.fixture(scope="module")
def concise():
    return page_namespace(
        CONCISE, ["naive_softmax", "stable_softmax", "log_softmax", "init_weights"]
    )


def _logits(n: int, q: int, seed: int, scale: float = 3.0) -> torch.Tensor:
    return scale * torch.randn(n, q, generator=torch.Generator().manual_seed(seed))


def _labels(n: int, q: int, seed: int) -> torch.Tensor:
    return torch.randint(0, q, (n,), generator=torch.Generator().manual_seed(seed))


SHAPES = [(1, 10), (7, 3), (256, 10), (96, 10)]  # 96: the last batch of an epoch of 60,000


@pytest.mark.parametrize(("n", "q"), SHAPES)
def test_scratch_softmax_matches_torch(scratch, n, q):
    X = _logits(n, q, seed=n)
    torch.testing.assert_close(scratch["softmax"](X), torch.softmax(X, dim=1))


@pytest.mark.parametrize(("n", "q"), SHAPES)
def test_scratch_cross_entropy_matches_torch(scratch, n, q):
    logits, y = _logits(n, q, seed=n + 1), _labels(n, q, seed=n + 2)
    losses = scratch["cross_entropy"](torch.softmax(logits, dim=1), y)
    assert losses.shape == (n,), "one loss per example, not their mean"
    want = nn.functional.cross_entropy(logits, y, reduction="none")
    torch.testing.assert_close(losses, want, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize(("n", "q"), SHAPES)
def test_scratch_accuracy_agrees_with_coursekit(scratch, n, q):
    y_hat, y = _logits(n, q, seed=n + 3), _labels(n, q, seed=n + 4)
    y = torch.where(torch.arange(n) % 2 == 0, y_hat.argmax(dim=1), y)  # about half right
    got = scratch["accuracy"](y_hat, y)
    assert isinstance(got, float)
    assert got == pytest.approx(coursekit.accuracy(y_hat, y))
    assert got == pytest.approx(float((y_hat.argmax(dim=1) == y).float().mean()))


def test_scratch_accuracy_agrees_with_coursekit_for_one_column(scratch):
    """One column of scores (q = 1): every row's argmax is class 0. coursekit read the column
    as predicted labels (0.9, 1.4, 0.3 cast to 0, 1, 0: 2/3) where the book's accuracy, and the
    exercise's, say 1.0."""
    y_hat, y = torch.tensor([[0.9], [1.4], [0.3]]), torch.tensor([0, 0, 0])
    assert scratch["accuracy"](y_hat, y) == coursekit.accuracy(y_hat, y) == 1.0


def test_scratch_accuracy_is_a_fraction_not_a_count(scratch):
    y_hat = torch.tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5], [0.8, 0.1, 0.1], [0.2, 0.7, 0.1]])
    assert scratch["accuracy"](y_hat, torch.tensor([2, 2, 1, 0])) == 0.5


def test_scratch_sgd_takes_a_mean_gradient_step(scratch):
    w = torch.tensor([1.0, -2.0], requires_grad=True)
    (3 * w).sum().backward()  # gradient 3 per entry, as if summed over a batch of 3
    scratch["sgd"]([w], lr=0.1, batch_size=3)
    torch.testing.assert_close(w.detach(), torch.tensor([0.9, -2.1]))
    assert torch.equal(w.grad, torch.zeros(2)), "sgd must zero the gradients"


def test_predict_ch3_returns_predicted_names(scratch):
    import matplotlib.pyplot as plt

    X = torch.rand(8, 1, 28, 28, generator=torch.Generator().manual_seed(0))
    y = torch.arange(8)
    always_bag = lambda X: torch.eye(10)[torch.full((len(X),), 8)]  # noqa: E731
    preds = scratch["predict_ch3"](always_bag, [(X, y)], n=6)
    plt.close("all")
    assert preds == ["bag"] * 6


@pytest.mark.parametrize(("n", "q"), SHAPES)
def test_concise_softmaxes_match_torch(concise, n, q):
    X = _logits(n, q, seed=n + 5)
    torch.testing.assert_close(concise["naive_softmax"](X), torch.softmax(X, dim=1))
    torch.testing.assert_close(concise["stable_softmax"](X), torch.softmax(X, dim=1))
    torch.testing.assert_close(concise["log_softmax"](X), torch.log_softmax(X, dim=1))


def test_concise_page_claims_about_large_logits(concise):
    big = torch.tensor([[1000.0, 999.0, 998.0], [-1000.0, -1001.0, -1002.0]])
    assert torch.isnan(concise["naive_softmax"](big)).all(), "the page shows the naive one fail"
    torch.testing.assert_close(concise["stable_softmax"](big), torch.softmax(big, dim=1))
    far = torch.tensor([[0.0, -200.0]])
    log_p = concise["log_softmax"](far)
    assert torch.isfinite(log_p).all()
    torch.testing.assert_close(log_p, torch.log_softmax(far, dim=1))


def test_concise_init_weights(concise):
    torch.manual_seed(0)
    net = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))
    net.apply(concise["init_weights"])
    assert torch.equal(net[1].bias, torch.zeros(10))
    assert net[1].weight.mean().abs() < 0.002
    assert net[1].weight.std().item() == pytest.approx(0.01, rel=0.05)
