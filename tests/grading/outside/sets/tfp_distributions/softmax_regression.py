"""TensorFlow Probability: distributions/categorical.py's Categorical built from probs:
_entropy's probs-only branch (-reduce_sum(multiply_no_nan(log(probs), probs), axis=-1)) and
_log_prob (logits = log(probs), then -sparse_softmax_cross_entropy_with_logits(labels=k,
logits=logits)), so cross_entropy is -log_prob(y). TensorFlow -> torch: multiply_no_nan(x, y)
is torch.where(y == 0, 0, x * y); the sparse softmax cross-entropy is logsumexp(logits) minus
the label's logit, as TensorFlow's kernel computes it."""
import torch


def softmax(X):
    raise NotImplementedError("not in the source: TFP calls tf.nn.softmax")


def _multiply_no_nan(x, y):  # tf.math.multiply_no_nan: 0 where y == 0, even if x is inf or nan
    return torch.where(y == 0, torch.zeros_like(x), x * y)


def _sparse_softmax_cross_entropy_with_logits(labels, logits):
    lse = torch.logsumexp(logits, dim=-1)
    return lse - logits[torch.arange(logits.shape[0]), labels]


def _log_prob(probs, k):  # Categorical._log_prob, logits = self._logits_parameter_no_checks()
    logits = torch.log(probs)
    return -_sparse_softmax_cross_entropy_with_logits(labels=k, logits=logits)


def cross_entropy(y_hat, y):  # -Categorical(probs=y_hat).log_prob(y)
    return -_log_prob(y_hat, y)


def accuracy(y_hat, y):
    raise NotImplementedError("not in the source")


def one_hot(y, num_classes):
    raise NotImplementedError("not in the source: tf.one_hot")


def entropy(p):  # Categorical(probs=p).entropy(), the branch for probs without logits
    probs = p
    return -torch.sum(_multiply_no_nan(torch.log(probs), probs), dim=-1)
