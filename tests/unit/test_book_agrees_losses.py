"""The loss-function chapter teaches code; check that what it teaches agrees with torch.

The information-theory functions defined on book/losses/classification.md are pulled out with
``tests/pagecode.py`` and compared with ``torch.nn.functional``; the reference answers of the
chapter's exercises are compared with ``torch.nn.functional`` on random inputs.
"""

from __future__ import annotations

import importlib.util

import pytest
import torch
import torch.nn.functional as F

from tests.pagecode import ROOT, page_namespace

PAGE = "book/losses/classification.md"


@pytest.fixture(scope="module")
def page():
    return page_namespace(PAGE, ["entropy", "kl_divergence", "cross_entropy_of"])


@pytest.fixture(scope="module")
def ref():
    path = ROOT / "tests/grading/reference/losses.py"
    spec = importlib.util.spec_from_file_location("losses_reference", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gen(seed):
    return torch.Generator().manual_seed(seed)


def _dists(seed, shape):
    return torch.softmax(2 * torch.randn(*shape, generator=_gen(seed), dtype=torch.float64), -1)


@pytest.mark.parametrize("shape", [(3,), (4, 5), (2, 3, 6)])
def test_page_information_functions_match_torch(page, shape):
    p, q = _dists(1, shape), _dists(2, shape)
    want_kl = F.kl_div(q.log(), p, reduction="none").sum(-1)
    torch.testing.assert_close(page["kl_divergence"](p, q), want_kl)
    want_h = torch.distributions.Categorical(probs=p).entropy()
    torch.testing.assert_close(page["entropy"](p), want_h)
    torch.testing.assert_close(page["cross_entropy_of"](p, q), want_h + want_kl)
    if len(shape) == 2:  # with soft labels, F.cross_entropy is the mean of H(p, softmax(z))
        logits = q.log()
        torch.testing.assert_close(
            page["cross_entropy_of"](p, q).mean(), F.cross_entropy(logits, p)
        )


def test_page_entropy_handles_zeros(page):
    p = torch.tensor([0.5, 0.0, 0.5], dtype=torch.float64)
    assert torch.isfinite(page["entropy"](p))
    want = torch.log(torch.tensor(2.0, dtype=torch.float64))  # two equally likely outcomes
    torch.testing.assert_close(page["entropy"](p), want)


@pytest.mark.parametrize("shape", [(7,), (3, 4), (2, 3, 5)])
@pytest.mark.parametrize("reduction", ["none", "mean", "sum"])
def test_reference_regression_losses(ref, shape, reduction):
    a, b = torch.randn(*shape, generator=_gen(3)), torch.randn(*shape, generator=_gen(4))
    torch.testing.assert_close(ref.l1_loss(a, b, reduction), F.l1_loss(a, b, reduction=reduction))
    torch.testing.assert_close(ref.mse_loss(a, b, reduction), F.mse_loss(a, b, reduction=reduction))


def test_reference_rejects_bad_reduction(ref):
    with pytest.raises(ValueError):
        ref.mse_loss(torch.zeros(2), torch.zeros(2), "avg")


@pytest.mark.parametrize(("n", "q"), [(1, 3), (8, 5), (64, 10)])
def test_reference_classification_losses(ref, n, q):
    logits = 3 * torch.randn(n, q, generator=_gen(n))
    labels = torch.randint(0, q, (n,), generator=_gen(n + 1))
    soft = torch.softmax(torch.randn(n, q, generator=_gen(n + 2)), dim=1)
    log_probs = F.log_softmax(logits, dim=1)
    torch.testing.assert_close(ref.nll_loss(log_probs, labels), F.nll_loss(log_probs, labels))
    torch.testing.assert_close(
        ref.cross_entropy_loss(logits, labels), F.cross_entropy(logits, labels)
    )
    torch.testing.assert_close(ref.cross_entropy_loss(logits, soft), F.cross_entropy(logits, soft))
    big = logits * 400  # logits in the thousands: still finite and equal to torch
    torch.testing.assert_close(ref.cross_entropy_loss(big, labels), F.cross_entropy(big, labels))


@pytest.mark.parametrize("scale", [1.0, 10.0, 1000.0])
def test_reference_bce_with_logits(ref, scale):
    x = scale * torch.randn(20, generator=_gen(5))
    t = (torch.randn(20, generator=_gen(6)) > 0).float()
    torch.testing.assert_close(ref.bce_with_logits(x, t), F.binary_cross_entropy_with_logits(x, t))


def test_reference_bce_course_example(ref):
    x, t = torch.tensor([-0.7001, -0.7231, -0.2049]), torch.tensor([0.0, 0.0, 1.0])
    assert round(float(ref.bce_with_logits(x, t)), 4) == 0.5332


def test_reference_kl_divergence(ref):
    p, q = _dists(7, (5, 4)), _dists(8, (5, 4))
    p[0, 1] = 0.0
    p[0] /= p[0].sum()
    torch.testing.assert_close(
        ref.kl_divergence(p, q), F.kl_div(q.log(), p, reduction="none").sum(-1)
    )
