"""DeZero (oreilly-japan/deep-learning-from-scratch-3): dezero/functions.py dropout,
dezero/optimizers.py WeightDecay hook + SGD.update_one; ported to torch."""
import torch


def l2_penalty(w):
    raise NotImplementedError("not in the source")


# dezero/functions.py dropout (train mode): mask = xp.random.rand(*x.shape) > dropout_ratio;
# scale = 1.0 - dropout_ratio; y = x * mask / scale
def dropout_layer(X: torch.Tensor, dropout: float):
    raise NotImplementedError("left out: NaN at p = 1 and no ValueError outside [0, 1]")


def best_epoch(scores):
    raise NotImplementedError("not in the source")


# dezero/optimizers.py WeightDecay.__call__: param.grad.data += self.rate * param.data,
# then SGD.update_one: param.data -= self.lr * param.grad.data
def weight_decay_step(w, grad, lr, weight_decay):
    g = grad.clone()
    g += weight_decay * w
    return w - lr * g
