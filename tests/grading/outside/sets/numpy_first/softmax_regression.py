"""NumPy-first: accuracy as np.mean (np.float64), one_hot with np.eye, torch where autograd is asked."""
import numpy as np
import torch


def softmax(X):
    e = torch.exp(X - torch.max(X, axis=1, keepdims=True).values)
    return e / torch.sum(e, axis=1, keepdims=True)


def cross_entropy(y_hat, y):
    return -torch.log(y_hat[np.arange(y_hat.shape[0]), y.numpy()])


def accuracy(y_hat, y):
    return np.mean(np.argmax(y_hat.numpy(), axis=1) == y.numpy())


def one_hot(y, num_classes):
    return torch.from_numpy(np.eye(num_classes, dtype=np.float32)[y.numpy()])


def entropy(p):
    return -torch.sum(torch.xlogy(p, p), axis=-1)
