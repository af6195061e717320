"""MiniTorch (MIT), minitorch/nn.py as students completed it: softmax is input.exp() divided by
its sum, no shift by the maximum: left out. See README.md."""


def softmax(X):
    raise NotImplementedError("left out: nn.softmax is input.exp() / sum, no shift (deserved)")


def cross_entropy(y_hat, y):
    raise NotImplementedError("not in the source")


def accuracy(y_hat, y):
    raise NotImplementedError("not in the source")


def one_hot(y, num_classes):
    raise NotImplementedError("not in the source")


def entropy(p):
    raise NotImplementedError("not in the source")
