"""PyTorch's "Data loading" and "nn" tutorials: a Dataset subclass and a sampler of shuffled
index batches (BatchSampler over a RandomSampler, last batch kept), the model as an
nn.Module whose forward reads the parameters it is given, the loss through nn.MSELoss with
reduction='none', the update through torch.Tensor.add_ under no_grad and zero_ on every grad."""
import torch
from torch import nn
from torch.utils.data import BatchSampler, Dataset, RandomSampler


class SyntheticRegression(Dataset):
    def __init__(self, features, labels):
        self.features, self.labels = features, labels

    def __len__(self):
        return len(self.features)

    def __getitem__(self, idx):
        return self.features[idx], self.labels[idx]


def synthetic_data(w, b, num_examples):
    X = torch.normal(0.0, 1.0, size=(num_examples, w.shape[0]), dtype=w.dtype)
    y = X @ w.unsqueeze(-1) + b
    y += torch.normal(0.0, 0.01, size=y.shape, dtype=w.dtype)
    return X, y


def data_iter(batch_size, features, labels):
    dataset = SyntheticRegression(features, labels)
    for idx in BatchSampler(RandomSampler(dataset), batch_size, drop_last=False):
        yield dataset[idx]


class LinearRegression(nn.Module):
    def forward(self, X, w, b):
        return X.matmul(w).add(b)


_MODEL = LinearRegression()
_MSE = nn.MSELoss(reduction="none")


def linreg(X, w, b):
    return _MODEL(X, w, b)


def squared_loss(y_hat, y):
    return _MSE(y_hat, y.reshape(y_hat.shape)) / 2


def sgd(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param.add_(param.grad, alpha=-lr / batch_size)
    for param in params:
        param.grad.zero_()


def closed_form(X, y):
    X1 = torch.hstack([X, torch.ones(X.shape[0], 1, dtype=X.dtype)])
    solution = torch.linalg.lstsq(X1, y.reshape(-1, 1).to(X.dtype)).solution
    return solution[:-1], solution[-1].squeeze(0)
