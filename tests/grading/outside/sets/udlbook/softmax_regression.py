"""udlbook/udlbook (MIT), notebook 5.3 "Multiclass cross-entropy loss", a reader's softmax: the
maximum of each example subtracted (np.max(..., axis=0, keepdims=True) on the book's
(classes, examples) layout), written with torch for autograd on our (examples, classes) rows.
See README.md."""
import torch


def softmax(X: torch.Tensor) -> torch.Tensor:
    model_out = X.T  # the book's layout: one column per example
    exp_model_out = torch.exp(model_out - torch.amax(model_out, dim=0, keepdim=True))
    sum_exp_model_out = torch.sum(exp_model_out, dim=0, keepdim=True)
    softmax_model_out = exp_model_out / sum_exp_model_out
    return softmax_model_out.T


def cross_entropy(y_hat: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def accuracy(y_hat: torch.Tensor, y: torch.Tensor) -> float:
    raise NotImplementedError("not in the source")


def one_hot(y: torch.Tensor, num_classes: int) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def entropy(p: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")
