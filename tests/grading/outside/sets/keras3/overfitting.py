"""Keras 3: layers.Dropout (its rate check, rate 0 returns the inputs) with the numpy backend's
random.dropout (uniform < keep_prob, np.where(mask, x / keep_prob, 0)); BaseOptimizer's
_apply_weight_decay (w - w * wd * lr) then SGD.update_step."""
import torch


def l2_penalty(w):
    raise NotImplementedError('left out: regularizers.L2 is l2 * sum(square(x)), no 1/2 (deserved)')


def dropout_layer(X, dropout):
    rate = dropout
    if isinstance(rate, (int, float)) and not 0 <= rate <= 1:
        raise ValueError(f"Invalid value received for argument `rate`. Expected a float value"
                         f" between 0 and 1. Received: rate={rate}")
    if not rate > 0:
        return X
    keep_prob = 1.0 - rate
    mask = torch.rand(X.shape) < keep_prob
    return torch.where(mask, X / keep_prob, torch.zeros_like(X))


def best_epoch(scores):
    raise NotImplementedError("not in the source")


def weight_decay_step(w, grad, lr, weight_decay):
    wd = weight_decay
    w = w - w * wd * lr  # BaseOptimizer._apply_weight_decay
    return w - grad * lr  # SGD.update_step
