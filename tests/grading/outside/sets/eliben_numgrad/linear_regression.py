"""eliben/deep-learning-samples, linear-regression/multiple_linear_regression.py: the bias as
theta's first entry against an all-ones column (np.hstack((np.ones((k, 1)), X))), yhat =
np.dot(X, theta) and diff = yhat - y, and split_dataset_to_train_test's np.random.permutation
of the rows, here of the row indices. See README.md."""
import numpy as np
import torch


def synthetic_data(w, b, num_examples):
    raise NotImplementedError("not in the source (it reads the CCPP CSV)")


def data_iter(batch_size, features, labels):
    shuffled = np.random.permutation(features.shape[0])  # the rows' order, as the split's
    for start in range(0, len(shuffled), batch_size):
        idx = torch.from_numpy(shuffled[start:start + batch_size])
        yield features[idx], labels[idx]


def linreg(X, w, b):
    k = X.shape[0]
    X_augmented = torch.hstack((torch.ones((k, 1), dtype=X.dtype), X))
    theta = torch.vstack((b.reshape(1, 1), w))
    # Vectorized computation of yhat per sample.
    return X_augmented @ theta


def squared_loss(y_hat, y):
    diff = y_hat - y.reshape(-1, 1)
    return diff * diff / 2  # compute_cost's dot(diff.T, diff) / k, one example at a time


def sgd(params, lr, batch_size):
    raise NotImplementedError("not in the source (gradient_descent steps NumPy's theta by hand)")


def closed_form(X, y):
    raise NotImplementedError("not in the source")
