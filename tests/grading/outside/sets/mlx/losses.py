"""Apple's MLX (MIT), python/mlx/nn/losses.py: _reduce (a ValueError for any other reduction),
l1_loss, mse_loss, nll_loss (take_along_axis), cross_entropy (logsumexp minus the score, the
score a sum of logits * targets for probabilities) and binary_cross_entropy with_logits
(logaddexp(0, x) - x * t), translated to torch (mx.take_along_axis -> torch.take_along_dim).
See README.md."""
import torch

_REDUCTIONS = ("none", "mean", "sum")  # get_args(Reduction)


def _reduce(loss, reduction="none"):
    if reduction not in _REDUCTIONS:
        raise ValueError(f"Invalid reduction. Must be one of {_REDUCTIONS}.")

    if reduction == "mean":
        return torch.mean(loss)
    elif reduction == "sum":
        return torch.sum(loss)
    elif reduction == "none":
        return loss


def l1_loss(y_hat, y, reduction="mean"):
    if y_hat.shape != y.shape:
        raise ValueError(f"Predictions shape {y_hat.shape} does not match "
                         f"targets shape {y.shape}.")
    loss = torch.abs(y_hat - y)
    return _reduce(loss, reduction)


def mse_loss(y_hat, y, reduction="mean"):
    if y_hat.shape != y.shape:
        raise ValueError(f"Predictions shape {y_hat.shape} does not match "
                         f"targets shape {y.shape}.")
    loss = torch.square(y_hat - y)
    return _reduce(loss, reduction)


def nll_loss(log_probs, target):  # nll_loss(inputs, targets, reduction="mean")
    loss = -torch.take_along_dim(log_probs, target[..., None], -1).squeeze(-1)
    return _reduce(loss, "mean")


def cross_entropy_loss(logits, target):  # cross_entropy(logits, targets, reduction="mean")
    axis = -1
    targets_as_probs = target.ndim == logits.ndim

    def _drop_dim(shape, axis):
        shape = list(shape)
        shape.pop(axis)
        return tuple(shape)

    if (targets_as_probs and target.shape != logits.shape) or (
        not targets_as_probs and target.shape != _drop_dim(logits.shape, axis)
    ):
        raise ValueError(f"Targets shape {target.shape} does not match logits shape {logits.shape}.")

    if targets_as_probs:
        score = torch.sum(logits * target, dim=axis)
    else:
        score = torch.take_along_dim(logits, target[..., None], axis).squeeze(-1)

    logsumexp_logits = torch.logsumexp(logits, dim=axis)
    loss = logsumexp_logits - score
    return _reduce(loss, "mean")


def bce_with_logits(logits, target):  # binary_cross_entropy(inputs, targets), with_logits=True
    if logits.shape != target.shape:
        raise ValueError(f"Inputs shape {logits.shape} does not match targets shape {target.shape}.")
    loss = torch.logaddexp(torch.zeros((), dtype=logits.dtype), logits) - logits * target
    return _reduce(loss, "mean")


def kl_divergence(p, q):
    raise NotImplementedError("left out: kl_div_loss(log q, log p) is exp(log p) * (log p - log q)"
                              ", nan where p = 0 (deserved)")
