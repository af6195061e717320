"""optax losses: squared_error, softmax_cross_entropy (with jax.nn.log_softmax),
softmax_cross_entropy_with_integer_labels, sigmoid_binary_cross_entropy (jax.nn.log_sigmoid =
-softplus(-x), softplus = logaddexp(x, 0)), kl_divergence(log(q), p); the means are ours."""
import torch


def _check(reduction):
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(f"Unknown reduction {reduction!r}")


def _reduce(loss, reduction):
    _check(reduction)
    return {"none": lambda v: v, "mean": torch.mean, "sum": torch.sum}[reduction](loss)


def l1_loss(y_hat, y, reduction="mean"):
    # optax.l1_loss? none: jnp.abs(predictions - targets)
    raise NotImplementedError('not in the source')


def mse_loss(y_hat, y, reduction="mean"):
    # optax.squared_error: (predictions - targets) ** 2
    errors = y_hat - y
    return _reduce(errors**2, reduction)


def _log_softmax(x, axis=-1):
    # jax.nn.log_softmax
    shifted = x - torch.amax(x, axis, keepdim=True).detach()
    shifted_logsumexp = torch.log(torch.sum(torch.exp(shifted), axis, keepdim=True))
    return shifted - shifted_logsumexp


def nll_loss(log_probs, target):
    raise NotImplementedError("not in the source")


def cross_entropy_loss(logits, target):
    if target.is_floating_point():  # optax.softmax_cross_entropy
        return torch.mean(-torch.sum(target * _log_softmax(logits, axis=-1), -1))
    # optax.softmax_cross_entropy_with_integer_labels
    logits_max = torch.amax(logits, -1, keepdim=True)
    logits = logits - logits_max.detach()
    label_logits = torch.take_along_dim(logits, target[..., None], dim=-1)[..., 0]
    log_normalizers = torch.log(torch.sum(torch.exp(logits), dim=-1))
    return torch.mean(log_normalizers - label_logits)


def _log_sigmoid(x):
    # jax.nn.log_sigmoid = -softplus(-x); softplus = jnp.logaddexp(x, 0)
    return -torch.logaddexp(-x, torch.zeros((), dtype=x.dtype))


def bce_with_logits(logits, target):
    # optax.sigmoid_binary_cross_entropy, then the mean
    labels = target
    log_p = _log_sigmoid(logits)
    log_not_p = _log_sigmoid(-logits)
    return torch.mean(-labels * log_p - (1.0 - labels) * log_not_p)


def kl_divergence(p, q):
    # optax.kl_divergence(log_predictions, targets)
    log_predictions, targets = torch.log(q), p
    loss = targets * (torch.where(targets == 0, 0, torch.log(targets)) - log_predictions)
    return torch.sum(loss, dim=-1)
