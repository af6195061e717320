"""Lasagne (MIT) on Theano (BSD): lasagne.objectives.squared_error and aggregate (mode 'mean' /
'sum', ValueError otherwise), and nnet's categorical_crossentropy applied to log-probabilities as
Lasagne users did (aggregate(-log_probs[arange, target])). Translated to torch. See README.md."""
import torch


def _aggregate(loss, weights=None, mode="mean"):  # lasagne.objectives.aggregate
    if weights is not None:
        loss = loss * weights
    if mode == "mean":
        return loss.mean()
    elif mode == "sum":
        return loss.sum()
    elif mode == "normalized_sum":
        if weights is None:
            raise ValueError("require weights for mode='normalized_sum'")
        return loss.sum() / weights.sum()
    else:
        raise ValueError("mode must be 'mean', 'sum' or 'normalized_sum', "
                         "got %r" % mode)


def _squared_error(a, b):  # lasagne.objectives.squared_error
    return torch.square(a - b)


def l1_loss(y_hat, y, reduction="mean"):  # lasagne.regularization.l1's abs, aggregated
    loss = abs(y_hat - y)
    return loss if reduction == "none" else _aggregate(loss, mode=reduction)


def mse_loss(y_hat, y, reduction="mean"):
    loss = _squared_error(y_hat, y)
    return loss if reduction == "none" else _aggregate(loss, mode=reduction)


def nll_loss(log_probs, target):  # crossentropy_categorical_1hot without its log
    return _aggregate(-log_probs[torch.arange(target.shape[0]), target])


def cross_entropy_loss(logits, target):
    raise NotImplementedError("not in the source (Lasagne's takes softmax outputs, not logits)")


def bce_with_logits(logits, target):
    raise NotImplementedError("not in the source (Lasagne's binary_crossentropy takes sigmoid outputs)")


def kl_divergence(p, q):
    raise NotImplementedError("not in the source")
