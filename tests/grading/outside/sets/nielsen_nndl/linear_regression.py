"""Michael Nielsen's "Neural Networks and Deep Learning" (MIT), code/network.py and network2.py:
SGD's epoch (random.shuffle(training_data) of (x, y) pairs, then mini_batches =
[training_data[k:k+mini_batch_size] for k in range(0, n, mini_batch_size)]), update_mini_batch's
w - (eta/len(mini_batch))*nw, and QuadraticCost.fn, 0.5*np.linalg.norm(a-y)**2 per example.
Translated to torch. See README.md."""
import random

import torch


def synthetic_data(w, b, num_examples):
    raise NotImplementedError("not in the source")


def data_iter(batch_size, features, labels):
    training_data = list(zip(features, labels))  # the book's list of (x, y) tuples
    n = len(training_data)
    random.shuffle(training_data)
    mini_batches = [
        training_data[k:k+batch_size]
        for k in range(0, n, batch_size)]
    for mini_batch in mini_batches:
        xs, ys = zip(*mini_batch)
        yield torch.stack(xs), torch.stack(ys)


def linreg(X, w, b):
    raise NotImplementedError("not in the source")


def squared_loss(y_hat, y):
    # QuadraticCost.fn(a, y) = 0.5*np.linalg.norm(a-y)**2, one example (row) at a time
    y = y.reshape(y_hat.shape)
    return torch.stack([0.5*torch.linalg.norm(a-t)**2 for a, t in zip(y_hat, y)]).reshape(-1, 1)


def sgd(params, lr, batch_size):
    # update_mini_batch: self.weights = [w-(eta/len(mini_batch))*nw ...], the gradient summed
    # over the mini-batch; written into each tensor, the grad zeroed for the next batch
    with torch.no_grad():
        for p in params:
            p.copy_(p-(lr/batch_size)*p.grad)
            p.grad.zero_()


def closed_form(X, y):
    raise NotImplementedError("not in the source")
