"""nnfs_book: Activation_Softmax.forward, Accuracy_Categorical (np.mean(argmax == y))."""
import torch


def softmax(X):
    exp_values = torch.exp(X - torch.max(X, dim=1, keepdim=True).values)
    probabilities = exp_values / torch.sum(exp_values, dim=1, keepdim=True)
    return probabilities


def cross_entropy(y_hat, y):
    raise NotImplementedError('left out: Loss_CategoricalCrossentropy clips at 1e-7 (deserved, message teaches)')


def accuracy(y_hat, y):
    predictions = torch.argmax(y_hat, dim=1)
    if len(y.shape) == 2:
        y = torch.argmax(y, dim=1)
    accuracy = torch.mean((predictions == y).double())
    return accuracy


def one_hot(y, num_classes):
    raise NotImplementedError("not in the source")


def entropy(p):
    raise NotImplementedError("not in the source")
