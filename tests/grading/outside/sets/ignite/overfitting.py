"""PyTorch-Ignite: handlers/early_stopping.py's NoImprovementHandler._update_state (a score
counts as an improvement only if it is > best_score + min_delta, so a tie keeps the earlier
epoch), run over the history as the handler is run after each epoch's evaluation; the epoch is
the last one that reset the counter. An empty history raises like ignite's metrics'
compute() (NotComputableError)."""
import torch  # noqa: F401


class NotComputableError(ValueError):  # ignite.exceptions: a RuntimeError there (see README)
    """Exception class to raise if Metric cannot be computed."""


def l2_penalty(w):
    raise NotImplementedError("not in the source")


def dropout_layer(X, dropout):
    raise NotImplementedError("not in the source")


class _NoImprovementHandler:
    def __init__(self, patience=1, min_delta=0.0, cumulative_delta=False):
        if patience < 1:
            raise ValueError("Argument patience should be positive integer.")
        if min_delta < 0.0:
            raise ValueError("Argument min_delta should not be a negative number.")
        self.patience = patience
        self.counter = 0
        self.best_score = None
        self.min_delta = min_delta
        self.cumulative_delta = cumulative_delta

    def _update_state(self, score):
        if self.best_score is None:
            self.best_score = score
        elif score <= self.best_score + self.min_delta:
            if not self.cumulative_delta and score > self.best_score:
                self.best_score = score
            self.counter += 1
        else:
            self.best_score = score
            self.counter = 0


def best_epoch(scores):
    handler = _NoImprovementHandler()
    best = None
    for epoch, score in enumerate(scores, start=1):
        handler._update_state(score)
        if handler.counter == 0:
            best = epoch
    if best is None:
        raise NotComputableError("EarlyStopping must have at least one score before it can be"
                                 " computed: there is no epoch to choose from.")
    return best


def weight_decay_step(w, grad, lr, weight_decay):
    raise NotImplementedError("not in the source")
