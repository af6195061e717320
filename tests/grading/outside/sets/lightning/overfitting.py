"""PyTorch Lightning: callbacks/early_stopping.py's EarlyStopping (mode="max": torch.gt against a
best_score that starts at -torch.inf, min_delta 0, check_finite), its
_evaluate_stopping_criteria run over the history as the Trainer runs it after each validation;
the epoch whose score replaced best_score last is the best."""
import torch


class EarlyStopping:
    mode_dict = {"min": torch.lt, "max": torch.gt}

    def __init__(self, monitor, min_delta=0.0, patience=3, mode="min", strict=True,
                 check_finite=True):
        self.monitor = monitor
        self.min_delta = min_delta
        self.patience = patience
        self.mode = mode
        self.strict = strict
        self.check_finite = check_finite
        self.wait_count = 0
        self.stopped_epoch = 0
        if self.mode not in self.mode_dict:
            raise ValueError(f"`mode` can be {', '.join(self.mode_dict.keys())}, got {self.mode}")
        self.min_delta *= 1 if self.monitor_op == torch.gt else -1
        torch_inf = torch.tensor(torch.inf)
        self.best_score = torch_inf if self.monitor_op == torch.lt else -torch_inf

    @property
    def monitor_op(self):
        return self.mode_dict[self.mode]

    def _evaluate_stopping_criteria(self, current):
        should_stop = False
        reason = None
        if self.check_finite and not torch.isfinite(current):
            should_stop = True
            reason = f"Monitored metric {self.monitor} = {current} is not finite."
        elif self.monitor_op(current - self.min_delta, self.best_score.to(current.device)):
            should_stop = False
            reason = f"Metric {self.monitor} improved. New best score: {current:.3f}"
            self.best_score = current
            self.wait_count = 0
        else:
            self.wait_count += 1
            if self.wait_count >= self.patience:
                should_stop = True
                reason = f"Monitored metric {self.monitor} did not improve."
        return should_stop, reason


def l2_penalty(w):
    raise NotImplementedError("not in the source")


def dropout_layer(X, dropout):
    raise NotImplementedError("not in the source")


def best_epoch(scores):
    if not scores:  # the Trainer never validates: see README
        raise ValueError("no validation score: there is no epoch to choose from")
    callback = EarlyStopping("val_acc", mode="max", patience=len(scores))
    best = None
    for epoch, score in enumerate(scores, start=1):
        logs = {"val_acc": torch.tensor(score)}  # self.log("val_acc", acc): a float32 tensor
        current = logs[callback.monitor].squeeze()
        before = callback.best_score
        should_stop, reason = callback._evaluate_stopping_criteria(current)
        if callback.best_score is not before:
            best = epoch
        if should_stop:
            break
    return best


def weight_decay_step(w, grad, lr, weight_decay):
    raise NotImplementedError("not in the source")
