"""Theano's Deep Learning Tutorials (code/logistic_sgd.py): LogisticRegression's y_pred
(T.argmax(p_y_given_x, axis=1)) and errors (T.mean(T.neq(y_pred, y)), its type and dtype
checks); accuracy is 1 - errors. Theano's mean of the int8 neq is float64."""
import torch


def softmax(X):
    raise NotImplementedError("not in the source (T.nnet.softmax)")


def cross_entropy(y_hat, y):
    raise NotImplementedError("not in the source")


def _errors(y_pred, y):
    if y.ndim != y_pred.ndim:
        raise TypeError('y should have the same shape as self.y_pred',
                        ('y', y.dtype, 'y_pred', y_pred.dtype))
    if not y.dtype.is_floating_point:  # y.dtype.startswith('int')
        return torch.mean(torch.ne(y_pred, y).to(torch.float64))
    else:
        raise NotImplementedError()


def accuracy(y_hat, y):
    y_pred = torch.argmax(y_hat, dim=1)
    return 1 - _errors(y_pred, y)


def one_hot(y, num_classes):
    raise NotImplementedError("not in the source")


def entropy(p):
    raise NotImplementedError("not in the source")
