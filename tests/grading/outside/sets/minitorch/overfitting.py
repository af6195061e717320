"""MiniTorch (MIT), minitorch/nn.py: dropout(input, rate, ignore) is input * (rand(shape) > rate),
never rescaled: left out. See README.md."""


def l2_penalty(w):
    raise NotImplementedError("not in the source")


def dropout_layer(X, dropout):
    raise NotImplementedError("left out: kept entries are not divided by 1 - p (deserved)")


def best_epoch(scores):
    raise NotImplementedError("not in the source")


def weight_decay_step(w, grad, lr, weight_decay):
    raise NotImplementedError("not in the source")
