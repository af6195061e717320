"""rasbt/machine-learning-book (MIT), ch11: accuracy (np.mean of predicted_labels == targets,
the labels np.argmax(probas, axis=1)) and int_to_onehot (np.zeros, a Python loop). See
README.md."""
import numpy as np
import torch


def softmax(X: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def cross_entropy(y_hat: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def accuracy(y_hat: torch.Tensor, y: torch.Tensor) -> float:
    # compute_mse_and_acc: predicted_labels = np.argmax(probas, axis=1); ch11 accuracy
    predicted_labels = np.argmax(y_hat.detach().numpy(), axis=1)
    targets = y.numpy()
    return np.mean(predicted_labels == targets)


def _int_to_onehot(y, num_labels):  # ch11 int_to_onehot
    ary = np.zeros((y.shape[0], num_labels))
    for i, val in enumerate(y):
        ary[i, val] = 1
    return ary


def one_hot(y: torch.Tensor, num_classes: int) -> torch.Tensor:
    raise NotImplementedError("left out: _int_to_onehot's np.zeros is float64 (deserved)")


def entropy(p: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")
