"""Daniel Bourke, "Zero to Mastery Learn PyTorch for Deep Learning" (mrdbourke/pytorch-deep-
learning, MIT), going_modular/going_modular/engine.py: train_step's accuracy, the predicted
classes torch.argmax(torch.softmax(y_pred, dim=1), dim=1), then (y_pred_class == y).sum().item()
/ len(y_pred). See README.md."""
import torch


def softmax(X: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def cross_entropy(y_hat: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def accuracy(y_hat: torch.Tensor, y: torch.Tensor) -> float:
    # engine.train_step: the metric of one batch
    y_pred_class = torch.argmax(torch.softmax(y_hat, dim=1), dim=1)
    return (y_pred_class == y).sum().item() / len(y_hat)


def _accuracy_fn(y_true, y_pred):  # helper_functions.accuracy_fn, as written: a percentage
    correct = torch.eq(y_true, y_pred).sum().item()
    acc = (correct / len(y_pred)) * 100
    return acc


def one_hot(y: torch.Tensor, num_classes: int) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def entropy(p: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")
