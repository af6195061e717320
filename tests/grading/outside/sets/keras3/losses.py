"""Keras 3: losses.mean_absolute_error / mean_squared_error (mean over axis -1, then
sum_over_batch_size), categorical and sparse_categorical_crossentropy from logits with the numpy
backend's log_softmax, and binary_crossentropy from logits through TensorFlow's
tf.nn.sigmoid_cross_entropy_with_logits (the TF backend's), then the mean."""
import torch

_REDUCTIONS = ("none", "mean", "sum")


def _check(reduction):
    if reduction not in _REDUCTIONS:
        raise ValueError(f"Invalid value for argument `reduction`. Expected one of {_REDUCTIONS}."
                         f" Received: reduction={reduction}")


def l1_loss(y_hat, y, reduction="mean"):
    _check(reduction)
    y_pred, y_true = y_hat, y
    if reduction == "none":
        return torch.abs(y_true - y_pred)
    if reduction == "sum":
        return torch.sum(torch.abs(y_true - y_pred))
    return torch.mean(torch.mean(torch.abs(y_true - y_pred), dim=-1))


def mse_loss(y_hat, y, reduction="mean"):
    _check(reduction)
    y_pred, y_true = y_hat, y
    if reduction == "none":
        return torch.square(y_true - y_pred)
    if reduction == "sum":
        return torch.sum(torch.square(y_true - y_pred))
    return torch.mean(torch.mean(torch.square(y_true - y_pred), dim=-1))


def _log_softmax(x, axis=-1):
    max_x = torch.amax(x, dim=axis, keepdim=True)
    logsumexp = torch.log(torch.exp(x - max_x).sum(dim=axis, keepdim=True))
    return x - max_x - logsumexp


def nll_loss(log_probs, target):
    raise NotImplementedError("not in the source")


def cross_entropy_loss(logits, target):
    log_prob = _log_softmax(logits, axis=-1)
    if not target.is_floating_point():  # sparse_categorical_crossentropy
        target = torch.nn.functional.one_hot(target, logits.shape[-1]).to(logits.dtype)
    return torch.mean(-torch.sum(target * log_prob, dim=-1))


def bce_with_logits(logits, target):
    # tf.nn.sigmoid_cross_entropy_with_logits, then Keras' mean
    labels = target
    zeros = torch.zeros_like(logits, dtype=logits.dtype)
    cond = logits >= zeros
    relu_logits = torch.where(cond, logits, zeros)
    neg_abs_logits = torch.where(cond, -logits, logits)
    return torch.mean(torch.add(relu_logits - logits * labels, torch.log1p(torch.exp(neg_abs_logits))))


def kl_divergence(p, q):
    raise NotImplementedError('left out: clip(p, 1e-7, 1) and clip(q, 1e-7, 1) shift the value (deserved)')
