"""nnfs_book (chapter 17): Loss_MeanAbsoluteError / Loss_MeanSquaredError (mean over axis -1, then
Loss.calculate's mean); 'none' and 'sum' are the same terms before those means."""
import torch


def _check(reduction):
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(f"unknown reduction {reduction!r}")


def l1_loss(y_hat, y, reduction="mean"):
    _check(reduction)
    if reduction == "none":
        return torch.abs(y - y_hat)
    if reduction == "sum":
        return torch.sum(torch.abs(y - y_hat))
    sample_losses = torch.mean(torch.abs(y - y_hat), dim=-1)
    return torch.mean(sample_losses)


def mse_loss(y_hat, y, reduction="mean"):
    _check(reduction)
    if reduction == "none":
        return (y - y_hat) ** 2
    if reduction == "sum":
        return torch.sum((y - y_hat) ** 2)
    sample_losses = torch.mean((y - y_hat) ** 2, dim=-1)
    return torch.mean(sample_losses)


def nll_loss(log_probs, target):
    raise NotImplementedError("not in the source")


def cross_entropy_loss(logits, target):
    raise NotImplementedError("not in the source")


def bce_with_logits(logits, target):
    raise NotImplementedError("not in the source")


def kl_divergence(p, q):
    raise NotImplementedError("not in the source")
