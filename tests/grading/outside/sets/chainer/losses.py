"""Chainer (chainer/chainer, chainer/functions/loss/): absolute_error.py + mean_absolute_error.py
(diff = (x0 - x1).ravel(); abs(diff).sum() / diff.dtype.type(diff.size)), squared_error.py +
mean_squared_error.py (diff = (x0 - x1).ravel(); diff.dot(diff) / diff.dtype.type(diff.size)),
sigmoid_cross_entropy.py (forward: loss = -(x * (t - (x >= 0)) - log1p(exp(-abs(x)))), summed
and divided by the count of elements (normalize=True); backward: gx = gloss * (sigmoid(x) - t)
/ count), written as a torch.autograd.Function so that Chainer's own backward is kept. The
three reductions ('none' / 'sum' / 'mean') pick the Chainer function of that meaning, and an
unknown one raises ValueError as softmax_cross_entropy's reduce argument does."""
import torch


def _reduce_check(reduction):
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(
            "only 'none', 'sum' and 'mean' are valid for 'reduction', but '%s' is given" % reduction
        )


def l1_loss(y_hat, y, reduction="mean"):
    _reduce_check(reduction)
    x0, x1 = y_hat, y
    if reduction == "none":
        return torch.abs(x0 - x1)  # F.absolute_error
    diff = (x0 - x1).ravel()
    if reduction == "sum":
        return torch.abs(diff).sum()
    return torch.abs(diff).sum() / diff.numel()  # F.mean_absolute_error


def mse_loss(y_hat, y, reduction="mean"):
    _reduce_check(reduction)
    x0, x1 = y_hat, y
    if reduction == "none":
        diff = x0 - x1
        return diff * diff  # F.squared_error
    diff = (x0 - x1).ravel()
    if reduction == "sum":
        return diff.dot(diff)
    return diff.dot(diff) / diff.numel()  # F.mean_squared_error


def nll_loss(log_probs, target):
    raise NotImplementedError("not in the source")


def cross_entropy_loss(logits, target):
    raise NotImplementedError("not in the source")


class _SigmoidCrossEntropy(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, t):
        loss = -(x * (t - (x >= 0).to(x.dtype)) - torch.log1p(torch.exp(-torch.abs(x))))
        count = max(1, loss.numel())
        ctx.save_for_backward(x, t)
        ctx.count = count
        return loss.sum() / count

    @staticmethod
    def backward(ctx, gloss):
        x, t = ctx.saved_tensors
        y = torch.sigmoid(x)
        gx = gloss * (y - t) / ctx.count
        return gx, None


def bce_with_logits(logits, target):
    return _SigmoidCrossEntropy.apply(logits, target)


def kl_divergence(p, q):
    raise NotImplementedError("not in the source")
