"""Lasagne (MIT) on Theano (BSD): theano.tensor.nnet's Softmax (e_x = exp(x - x.max(axis=1)),
e_x / e_x.sum(axis=1)), categorical_crossentropy (the 1-hot path: -log(coding_dist[arange,
true_dist])), lasagne.objectives.categorical_accuracy averaged with dtype=floatX, and
theano.tensor.extra_ops.to_one_hot. Translated to torch. See README.md."""
import torch


def softmax(X: torch.Tensor) -> torch.Tensor:  # nnet.Softmax.perform, row by row
    e_x = torch.exp(X - X.max(dim=1, keepdim=True).values)
    sm = e_x / e_x.sum(dim=1, keepdim=True)
    return sm


def cross_entropy(y_hat: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    # nnet.categorical_crossentropy(coding_dist, true_dist) with int targets:
    # crossentropy_categorical_1hot -> -log(coding_dist[arange(n), true_dist])
    return -torch.log(y_hat[torch.arange(y_hat.shape[0]), y])


def accuracy(y_hat: torch.Tensor, y: torch.Tensor) -> float:
    # lasagne.objectives.categorical_accuracy, then T.mean(..., dtype=floatX) as its docs say
    top = torch.argmax(y_hat, dim=-1)
    return torch.eq(top, y).to(torch.float32).mean()


def one_hot(y: torch.Tensor, num_classes: int) -> torch.Tensor:
    # extra_ops.to_one_hot(y, nb_class, dtype=floatX): zeros, then set_subtensor of ones
    ret = torch.zeros((y.shape[0], num_classes), dtype=torch.float32)
    ret[torch.arange(y.shape[0]), y] = 1
    return ret


def entropy(p: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")
