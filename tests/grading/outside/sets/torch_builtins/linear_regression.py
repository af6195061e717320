"""DataLoader (d2l concise load_array), .data updates, solve of the normal equations."""
import torch
from torch.utils.data import DataLoader, TensorDataset


def synthetic_data(w, b, num_examples):
    X = torch.empty(num_examples, len(w), dtype=w.dtype).normal_()
    noise = torch.normal(0.0, 0.01, size=(num_examples,), dtype=w.dtype)
    y = torch.mv(X, w) + b + noise
    return X, y.unsqueeze(1)


def data_iter(batch_size, features, labels):
    loader = DataLoader(TensorDataset(features, labels), batch_size=batch_size, shuffle=True)
    yield from loader


def linreg(X, w, b):
    return torch.addmm(b, X, w) if b.dim() else X @ w + b


def squared_loss(y_hat, y):
    return 0.5 * torch.square(y_hat - y.view(-1, 1))


def sgd(params, lr, batch_size):
    for param in params:
        param.data.sub_(lr * param.grad.data / batch_size)
        param.grad.data.zero_()


def closed_form(X, y):
    X1 = torch.cat([X, torch.ones(X.shape[0], 1)], dim=1).to(X.dtype)
    y = y.reshape(-1, 1).to(X.dtype)
    theta = torch.linalg.pinv(X1) @ y  # through the SVD of X1: never forms X1^T X1
    w, b = theta[:-1], theta[-1]
    return w, b.squeeze()
