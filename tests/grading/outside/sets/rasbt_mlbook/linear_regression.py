"""rasbt/machine-learning-book (MIT), ch11: minibatch_generator (np.random.shuffle of the
indices, then range(0, n - minibatch_size + 1, minibatch_size)). See README.md."""
import numpy as np
import torch  # noqa: F401


def synthetic_data(w, b, num_examples):
    raise NotImplementedError("not in the source")


def _minibatch_generator(X, y, minibatch_size):  # ch11, as written
    indices = np.arange(X.shape[0])
    np.random.shuffle(indices)
    for start_idx in range(0, indices.shape[0] - minibatch_size + 1, minibatch_size):
        batch_idx = indices[start_idx:start_idx + minibatch_size]
        yield X[batch_idx], y[batch_idx]


def data_iter(batch_size, features, labels):
    raise NotImplementedError("left out: _minibatch_generator drops the last partial batch (deserved)")


def linreg(X, w, b):
    raise NotImplementedError("not in the source")


def squared_loss(y_hat, y):
    raise NotImplementedError("not in the source")


def sgd(params, lr, batch_size):
    raise NotImplementedError("not in the source")


def closed_form(X, y):
    raise NotImplementedError("not in the source")
