"""fast.ai style: reductions via getattr, lambdas, partial; Karpathy's logsumexp trick by hand."""
import functools

import torch


def _reduce(x, reduction):
    if reduction == "none":
        return x
    if reduction not in ("mean", "sum"):
        raise ValueError(reduction)
    return getattr(x, reduction)()


def _pointwise(fn):
    @functools.wraps(fn)
    def loss(y_hat, y, reduction="mean"):
        return _reduce(fn(y_hat - y), reduction)
    return loss


l1_loss = _pointwise(torch.abs)
mse_loss = _pointwise(lambda d: d * d)


def nll_loss(log_probs, target):
    return -log_probs[range(target.shape[0]), target].mean()


def log_softmax(x):
    m = x.max(-1, keepdim=True)[0]
    return x - (m + (x - m).exp().sum(-1, keepdim=True).log())


def cross_entropy_loss(logits, target):
    lp = log_softmax(logits)
    if target.ndim == 2:
        return -(target * lp).sum(-1).mean()
    return nll_loss(lp, target)


def bce_with_logits(logits, target):
    x, t = logits, target
    pos = x >= 0
    return (x.where(pos, 0.0) - x * t + x.where(~pos, -x).exp().log1p()).mean()


def kl_divergence(p, q):
    # log(p) - log(q): the q part's slope stays finite where p = 0 (log(p / q)'s is not)
    return (p * (p.log() - q.log())).nan_to_num(0.0).sum(-1)
