"""amax without keepdim + unsqueeze, one-hot product CE, scatter one-hot, Categorical entropy."""
import torch


def softmax(X):
    e = torch.exp(X - torch.amax(X, dim=1).unsqueeze(1))
    return e / e.sum(dim=1)[:, None]


def cross_entropy(y_hat, y):
    mask = torch.zeros_like(y_hat).scatter(1, y.view(-1, 1), 1.0)
    return -(mask * torch.log(y_hat)).sum(dim=1)


def accuracy(y_hat, y):
    return (y_hat.argmax(dim=1) == y).sum().item() / y.shape[0]


def one_hot(y, num_classes):
    return torch.zeros(y.shape[0], num_classes).scatter_(1, y.unsqueeze(1), 1.0)


def entropy(p):
    return torch.distributions.Categorical(probs=p).entropy()
