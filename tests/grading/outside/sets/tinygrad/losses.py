"""tinygrad: Tensor.binary_crossentropy_logits (x.maximum(0) - y * x + (1 + (-|x|).exp()).log(),
mean): torch.maximum's tie at x = 0 sends half the gradient each way, as tinygrad's Maximum."""
import torch


def l1_loss(y_hat, y, reduction="mean"):
    raise NotImplementedError("not in the source")


def mse_loss(y_hat, y, reduction="mean"):
    raise NotImplementedError("not in the source")


def nll_loss(log_probs, target):
    raise NotImplementedError("not in the source")


def _log_softmax(x, axis=-1):
    m = x - x.amax(axis, keepdim=True)
    return m - m.exp().sum(axis, keepdim=True).log()


def cross_entropy_loss(logits, target):
    raise NotImplementedError('left out: sparse_categorical_crossentropy takes class indices only')


def bce_with_logits(logits, target):
    x, y = logits, target
    return (x.maximum(torch.zeros((), dtype=x.dtype)) - y * x + (1 + x.abs().neg().exp()).log()).mean()


def kl_divergence(p, q):
    raise NotImplementedError("not in the source")
