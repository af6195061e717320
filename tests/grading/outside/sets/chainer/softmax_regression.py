"""Chainer chainer/functions/evaluation/accuracy.py (pred = y.argmax(axis=1).reshape(t.shape);
xp.asarray((pred == t).mean(dtype=y.dtype)))."""


def softmax(X):
    raise NotImplementedError("not in the source")


def cross_entropy(y_hat, y):
    raise NotImplementedError("not in the source")


def accuracy(y_hat, y):
    pred = y_hat.argmax(dim=1).reshape(y.shape)
    return (pred == y).to(y_hat.dtype).mean()


def one_hot(y, num_classes):
    raise NotImplementedError("not in the source")


def entropy(p):
    raise NotImplementedError("not in the source")
