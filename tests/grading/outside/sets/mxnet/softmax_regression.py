"""apache/mxnet python/mxnet/gluon/metric.py Accuracy.update/get (pred_label =
argmax(pred, axis=1); asnumpy().astype('int32'); num_correct = (pred_label == label).sum();
sum_metric / num_inst)."""
import numpy as np


def softmax(X):
    raise NotImplementedError("not in the source")


def cross_entropy(y_hat, y):
    raise NotImplementedError("not in the source")


def accuracy(y_hat, y):
    pred_label = y_hat.argmax(dim=1)
    pred_label = pred_label.numpy().astype("int32").flat
    label = y.numpy().astype("int32").flat
    num_correct = (np.asarray(pred_label) == np.asarray(label)).sum()
    sum_metric, num_inst = num_correct, len(y)
    return float(sum_metric) / num_inst


def one_hot(y, num_classes):
    raise NotImplementedError("not in the source")


def entropy(p):
    raise NotImplementedError("not in the source")
