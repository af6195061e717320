"""MindSpore: ops.L2Loss (documented as sum(x ** 2) / 2) and the optimizers' weight decay
(nn/optim/optimizer.py: _apply_decay adds weight_decay * param to the gradient), then
SGD's update param - lr * gradient."""
import torch


def l2_penalty(w):
    return torch.sum(w ** 2) / 2  # ops.L2Loss: "loss = sum(x ** 2) / 2"


def dropout_layer(X, dropout):
    raise NotImplementedError("left out: nn.Dropout(p) raises for p = 1 (its range is [0, 1))")


def best_epoch(scores):
    raise NotImplementedError("not in the source")


def _apply_decay(weight_decay, weight, gradient):
    return gradient + weight * weight_decay  # op_add((op_mul(weight, weight_decay), gradient))


def weight_decay_step(w, grad, lr, weight_decay):
    gradient = _apply_decay(weight_decay, w, grad)
    return w - lr * gradient
