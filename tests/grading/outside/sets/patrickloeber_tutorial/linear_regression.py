"""Patrick Loeber's pytorchTutorial (MIT): 05_2_gradientdescent_auto.py (forward w * x, the
update `with torch.no_grad(): w -= learning_rate * w.grad`, then `w.grad.zero_()` outside it)
and 09_dataloader.py (a Dataset and DataLoader(shuffle=True)). See README.md."""
import torch
from torch.utils.data import DataLoader, Dataset


def synthetic_data(w, b, num_examples):
    raise NotImplementedError("not in the source (07_linear_regression.py uses sklearn's make_regression)")


class _Data(Dataset):  # 09_dataloader.py's WineDataset, holding given tensors
    def __init__(self, x, y):
        self.x, self.y = x, y
        self.n_samples = x.shape[0]

    # support indexing such that dataset[i] can be used to get i-th sample
    def __getitem__(self, index):
        return self.x[index], self.y[index]

    # we can call len(dataset) to return the size
    def __len__(self):
        return self.n_samples


def data_iter(batch_size, features, labels):
    dataset = _Data(features, labels)
    train_loader = DataLoader(dataset=dataset, batch_size=batch_size, shuffle=True, num_workers=0)
    for inputs, targets in train_loader:  # noqa: UP028 - the tutorial's loop
        yield inputs, targets


def linreg(X, w, b):
    # model output
    return X @ w + b


def squared_loss(y_hat, y):
    # 05_2's loss is ((y_pred - y)**2).mean(); the exercise keeps one half-square per example
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2


def sgd(params, lr, batch_size):
    for w in params:
        # update weights
        with torch.no_grad():
            w -= lr * w.grad / batch_size

        # zero the gradients after updating
        w.grad.zero_()


def closed_form(X, y):
    raise NotImplementedError("not in the source")
