"""timm (huggingface/pytorch-image-models): the early drop_path of timm/models/layers/drop.py
(also in torchvision's EfficientNet and many copies, e.g. corpus ids 43403223199, 39408766879):
random_tensor = keep_prob + torch.rand(shape); random_tensor.floor_(); x.div(keep_prob) *
random_tensor. Adapted to element-wise dropout: shape = x.shape instead of the per-sample
(x.shape[0], 1, ...). timm/utils/checkpoint_saver.py CheckpointSaver best-metric bookkeeping
(cmp = operator.gt; `if self.best_metric is None or self.cmp(metric, self.best_metric)`), with
epochs counted from 1 as the exercise does. timm/optim/sgdw.py (decoupled decay:
param.mul_(1 - lr * weight_decay); param.add_(grad, alpha=-lr))."""



def l2_penalty(w):
    raise NotImplementedError("not in the source")


def dropout_layer(X, dropout):
    raise NotImplementedError("left out: x.div(keep_prob) is NaN at p = 1; no ValueError")


def best_epoch(scores):
    raise NotImplementedError("left out: returns None for an empty history")


def weight_decay_step(w, grad, lr, weight_decay):
    param = w.clone()
    param.mul_(1.0 - lr * weight_decay)
    param.add_(grad, alpha=-lr)
    return param
