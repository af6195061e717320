"""Aurélien Géron's handson-ml2 (Apache 2.0), 04_training_linear_models.ipynb: the bias column
np.c_[np.ones((m, 1)), X], theta_best_svd from np.linalg.lstsq(X_b, y, rcond=1e-6), and
mini-batch gradient descent's shuffled_indices = np.random.permutation(m), X_b_shuffled cut
every minibatch_size rows. NumPy on the tensors' arrays, converted back. See README.md."""
import numpy as np
import torch


def synthetic_data(w, b, num_examples):
    raise NotImplementedError("not in the source (X = 2 * np.random.rand(100, 1): uniform)")


def data_iter(batch_size, features, labels):
    m = features.shape[0]
    shuffled_indices = np.random.permutation(m)
    X_b_shuffled = features[torch.from_numpy(shuffled_indices)]
    y_shuffled = labels[torch.from_numpy(shuffled_indices)]
    for i in range(0, m, batch_size):
        xi = X_b_shuffled[i:i+batch_size]
        yi = y_shuffled[i:i+batch_size]
        yield xi, yi


def linreg(X, w, b):
    raise NotImplementedError("not in the source")


def squared_loss(y_hat, y):
    raise NotImplementedError("not in the source")


def sgd(params, lr, batch_size):
    raise NotImplementedError("not in the source")


def closed_form(X, y):
    dtype = X.dtype  # np.ones is float64: np.c_ promotes a float32 X (cast back below)
    X, y = X.numpy(), y.numpy().reshape(-1, 1)
    m = X.shape[0]
    X_b = np.c_[np.ones((m, 1)), X]  # add x0 = 1 to each instance
    theta_best_svd, residuals, rank, s = np.linalg.lstsq(X_b, y, rcond=1e-6)
    theta = torch.from_numpy(theta_best_svd).to(dtype)
    return theta[1:], theta[0, 0]
