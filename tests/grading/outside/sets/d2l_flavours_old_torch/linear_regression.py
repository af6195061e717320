"""d2l's TensorFlow and JAX flavours translated to torch: zeros plus normal draws, index
lists shuffled with random and gathered with index_select, addmm, F.pad for the ones
column; sgd in the old torch style on .data (no autograd record without no_grad)."""
import random

import torch
import torch.nn.functional as F


def synthetic_data(w, b, num_examples):
    X = torch.zeros((num_examples, w.shape[0]), dtype=w.dtype)
    X += torch.normal(0.0, 1.0, size=X.shape, dtype=w.dtype)
    y = torch.matmul(X, w.reshape((-1, 1))) + b
    y += torch.normal(0.0, 0.01, size=y.shape, dtype=w.dtype)
    y = y.reshape((-1, 1))
    return X, y


def data_iter(batch_size, features, labels):
    num_examples = len(features)
    indices = list(range(num_examples))
    random.shuffle(indices)
    for i in range(0, num_examples, batch_size):
        j = torch.tensor(indices[i: min(i + batch_size, num_examples)])
        yield torch.index_select(features, 0, j), torch.index_select(labels, 0, j)


def linreg(X, w, b):
    return torch.addmm(b, X, w)


def squared_loss(y_hat, y):
    return 0.5 * torch.square(y_hat - y.reshape_as(y_hat))


def sgd(params, lr, batch_size):
    for param in params:
        param.data.sub_(lr * param.grad.data / batch_size)
        param.grad.data.zero_()


def closed_form(X, y):
    X1 = F.pad(X, (0, 1), value=1.0)
    theta = torch.linalg.lstsq(X1, y.reshape(-1, 1)).solution
    return theta[:-1], theta[-1].squeeze()
