"""deeplearning.ai DLS Course 2 week 2 random_mini_batches (permutation =
list(np.random.permutation(m)); shuffled_X = X[:, permutation]; num_complete_minibatches =
math.floor(m / mini_batch_size); the last batch takes the m % mini_batch_size remaining), in
the exercise's row layout and as a generator."""
import math

import numpy as np


def synthetic_data(w, b, num_examples):
    raise NotImplementedError("not in the source")


def data_iter(batch_size, features, labels):
    m = features.shape[0]
    mini_batch_size = batch_size
    permutation = list(np.random.permutation(m))
    shuffled_X = features[permutation]
    shuffled_Y = labels[permutation]
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(0, num_complete_minibatches):
        mini_batch_X = shuffled_X[k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batch_Y = shuffled_Y[k * mini_batch_size:(k + 1) * mini_batch_size]
        yield mini_batch_X, mini_batch_Y
    if m % mini_batch_size != 0:
        mini_batch_X = shuffled_X[num_complete_minibatches * mini_batch_size:]
        mini_batch_Y = shuffled_Y[num_complete_minibatches * mini_batch_size:]
        yield mini_batch_X, mini_batch_Y


def linreg(X, w, b):
    raise NotImplementedError("not in the source")


def squared_loss(y_hat, y):
    raise NotImplementedError("not in the source")


def sgd(params, lr, batch_size):
    raise NotImplementedError("not in the source")


def closed_form(X, y):
    raise NotImplementedError("not in the source")
