"""Generator of slices of a randperm'd copy (shuffle the data, not the indices), QR solve."""
import torch


def synthetic_data(w, b, num_examples):
    X = torch.randn((num_examples, w.shape[0]), dtype=w.dtype)
    noise = torch.randn((num_examples, 1), dtype=w.dtype).mul(0.01)
    return X, (X @ w).unsqueeze(-1) + b + noise


def data_iter(batch_size, features, labels):
    perm = torch.randperm(features.shape[0])
    f, l = features[perm], labels[perm]
    start = 0
    while start < len(f):
        yield f[start:start + batch_size], l[start:start + batch_size]
        start += batch_size


def linreg(X, w, b):
    return X @ w + b


def squared_loss(y_hat, y):
    return 0.5 * (y_hat - y.reshape(-1, 1)).square()


def sgd(params, lr, batch_size):
    with torch.no_grad():
        for p in params:
            p.copy_(p - lr * p.grad / batch_size)
            p.grad.fill_(0)


def closed_form(X, y):
    X1 = torch.column_stack((X, torch.ones(X.shape[0], dtype=X.dtype)))
    Q, R = torch.linalg.qr(X1)
    theta = torch.linalg.solve_triangular(R, Q.T @ y.reshape(-1, 1).to(X.dtype), upper=True)
    return theta[:-1], theta[-1].squeeze()
