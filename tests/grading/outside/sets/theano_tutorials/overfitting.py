"""Theano's Deep Learning Tutorials (code/logistic_sgd.py, mlp.py): the validation
bookkeeping of sgd_optimization_mnist / test_mlp, `if this_validation_loss <
best_validation_loss:` keeping best_iter, over the history; the validation loss is the error
rate, 1 - score. Patience (the early stop) is not run: the whole history is given."""
import numpy
import torch  # noqa: F401


def l2_penalty(w):
    raise NotImplementedError("left out: L2_sqr = (W ** 2).sum(), no 1/2 (deserved)")


def dropout_layer(X, dropout):
    raise NotImplementedError("not in the source")


def best_epoch(scores):
    if len(scores) == 0:
        raise ValueError("no validation scores: there is no epoch to choose from")
    best_validation_loss = numpy.inf
    best_iter = 0
    for epoch, score in enumerate(scores, start=1):
        this_validation_loss = 1 - score  # numpy.mean(validation_losses): the error rate
        if this_validation_loss < best_validation_loss:
            best_validation_loss = this_validation_loss
            best_iter = epoch
    return best_iter


def weight_decay_step(w, grad, lr, weight_decay):
    raise NotImplementedError("not in the source")
