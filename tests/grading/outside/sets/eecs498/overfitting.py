"""EECS 498-007 A3: Dropout.forward in train mode."""


def l2_penalty(w):
    raise NotImplementedError("not in the source")


def dropout_layer(X, dropout):
    raise NotImplementedError('left out: 0 / 0 at p = 1, no ValueError, a float32 mask (deserved)')


def best_epoch(scores):
    raise NotImplementedError("not in the source")


def weight_decay_step(w, grad, lr, weight_decay):
    raise NotImplementedError("not in the source")
