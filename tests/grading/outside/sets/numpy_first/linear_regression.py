"""CS229 / Andrew Ng style: compute in NumPy, convert back to torch at the boundary."""
import numpy as np
import torch


def synthetic_data(w, b, num_examples):
    # Draws with torch (the docstring asks for torch.manual_seed reproducibility), math in numpy.
    X = torch.randn(num_examples, len(w), dtype=w.dtype)
    noise = torch.randn(num_examples, 1, dtype=w.dtype) * 0.01
    y = X.numpy() @ w.numpy().reshape(-1, 1) + b + noise.numpy()
    return X, torch.from_numpy(y)


def data_iter(batch_size, features, labels):
    m = features.shape[0]
    permutation = np.random.permutation(m)
    num_complete = m // batch_size
    for k in range(num_complete):
        idx = permutation[k * batch_size:(k + 1) * batch_size]
        yield features[idx], labels[idx]
    if m % batch_size != 0:
        idx = permutation[num_complete * batch_size:]
        yield features[idx], labels[idx]


def linreg(X, w, b):
    return torch.matmul(X, w) + b


def squared_loss(y_hat, y):
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2


def sgd(params, lr, batch_size):
    for p in params:
        p.data -= lr * p.grad.data / batch_size
        p.grad.data.zero_()


def closed_form(X, y):
    Xn = X.numpy()
    X1 = np.hstack([Xn, np.ones((Xn.shape[0], 1), dtype=Xn.dtype)])
    theta, *_ = np.linalg.lstsq(X1, y.numpy().reshape(-1, 1).astype(Xn.dtype), rcond=None)
    theta = torch.from_numpy(theta)
    return theta[:-1], theta[-1, 0]
