"""Stanford CS230 code examples pytorch/vision/model/net.py accuracy (outputs =
np.argmax(outputs, axis=1); return np.sum(outputs == labels) / float(labels.size)), after
evaluate.py's output_batch.data.cpu().numpy() / labels_batch.data.cpu().numpy()."""
import numpy as np


def softmax(X):
    raise NotImplementedError("not in the source")


def cross_entropy(y_hat, y):
    raise NotImplementedError("not in the source")


def accuracy(y_hat, y):
    outputs, labels = y_hat.data.cpu().numpy(), y.data.cpu().numpy()
    outputs = np.argmax(outputs, axis=1)
    return np.sum(outputs == labels) / float(labels.size)


def one_hot(y, num_classes):
    raise NotImplementedError("not in the source")


def entropy(p):
    raise NotImplementedError("not in the source")
