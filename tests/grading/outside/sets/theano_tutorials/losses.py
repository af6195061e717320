"""Theano's Deep Learning Tutorials (lisa-lab/DeepLearningTutorials, code/logistic_sgd.py):
LogisticRegression.negative_log_likelihood, -T.mean(T.log(p_y_given_x)[T.arange(n), y]),
given the log-probabilities themselves (the exercise's input)."""
import torch


def l1_loss(y_hat, y, reduction="mean"):
    raise NotImplementedError("not in the source")


def mse_loss(y_hat, y, reduction="mean"):
    raise NotImplementedError("not in the source")


def nll_loss(log_probs, target):
    y = target
    return -torch.mean(log_probs[torch.arange(y.shape[0]), y])


def cross_entropy_loss(logits, target):
    raise NotImplementedError("not in the source")


def bce_with_logits(logits, target):
    raise NotImplementedError("not in the source")


def kl_divergence(p, q):
    raise NotImplementedError("not in the source")
