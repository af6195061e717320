"""d2l with torch.randperm, DataLoader-free; sgd with the d2l outer no_grad; cat for ones."""
import torch


def synthetic_data(w, b, num_examples):
    X = torch.randn(num_examples, w.shape[0], dtype=w.dtype)
    y = X @ w.reshape(-1, 1) + b
    y = y + 0.01 * torch.randn(num_examples, 1, dtype=w.dtype)
    return X, y


def data_iter(batch_size, features, labels):
    n = features.shape[0]
    idx = torch.randperm(n)
    for i in range(0, n, batch_size):
        j = idx[i:i + batch_size]
        yield features[j], labels[j]


def linreg(X, w, b):
    return X.mm(w) + b


def squared_loss(y_hat, y):
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2


def sgd(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
            param.grad.zero_()


def closed_form(X, y):
    n = X.shape[0]
    X1 = torch.cat([X, torch.ones(n, 1, dtype=X.dtype)], dim=1)
    theta = torch.linalg.lstsq(X1, y.reshape(n, 1)).solution
    return theta[:-1], theta[-1, 0]
