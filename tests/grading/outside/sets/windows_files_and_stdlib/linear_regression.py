import random

import torch


def synthetic_data(w, b, num_examples):
    X = torch.normal(0, 1, (num_examples, len(w)), dtype=w.dtype)
    y = X @ w + b
    y = y + torch.normal(0, 0.01, y.shape, dtype=w.dtype)
    return X, y.reshape(-1, 1)

def data_iter(batch_size, features, labels):
    n = len(features)
    idx = list(range(n))
    random.shuffle(idx)
    for i in range(0, n, batch_size):
        j = torch.tensor(idx[i:i + batch_size])
        yield features[j], labels[j]

def linreg(X, w, b):
    return torch.matmul(X, w) + b

def squared_loss(y_hat, y):
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2

def sgd(params, lr, batch_size):
    with torch.no_grad():
        for p in params:
            p -= lr * p.grad / batch_size
            p.grad.zero_()

def closed_form(X, y):
    X1 = torch.cat([X, torch.ones(X.shape[0], 1, dtype=X.dtype)], dim=1)
    theta = torch.linalg.lstsq(X1, y.reshape(-1, 1).to(X.dtype)).solution
    return theta[:-1], theta[-1, 0]
