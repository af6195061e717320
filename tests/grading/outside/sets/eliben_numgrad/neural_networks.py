"""eliben/deep-learning-samples, gradients/numgrad.py (eval_numerical_gradient: np.nditer with
multi_index, oldval saved, x[ix] = oldval + h, then oldval - h, then restored) and
gradients/sigmoid.py (the overflow-guarded np.where sigmoid, sigmoid_grad(x) =
sigmoid(x) * (1 - sigmoid(x))), on NumPy copies of the weights converted back. See README.md."""
import numpy as np
import torch


def sigmoid(z):
    # sigmoid.py's two branches, torch.where in place of np.where (np.errstate has no torch twin)
    return torch.where(z >= 0, 1 / (1 + torch.exp(-z)), torch.exp(z) / (1 + torch.exp(z)))


def feed_forward(inputs, outputs, weights):
    W1, b1, W2, b2 = weights
    y_hat = sigmoid(inputs @ W1 + b1) @ W2 + b2
    return ((y_hat - outputs) ** 2).mean()


def eval_numerical_gradient(f, x, verbose=False, h=1e-5):
    grad = np.zeros_like(x)
    # iterate over all indexes in x
    it = np.nditer(x, flags=['multi_index'], op_flags=['readwrite'])
    while not it.finished:
        ix = it.multi_index
        oldval = x[ix]
        x[ix] = oldval + h
        fxph = f(x)  # evalute f(x + h)
        x[ix] = oldval - h
        fxmh = f(x)  # evaluate f(x - h)
        x[ix] = oldval  # restore

        # compute the partial derivative with centered formula
        grad[ix] = (fxph - fxmh) / (2 * h)
        if verbose:
            print(ix, grad[ix])
        it.iternext()
    return grad


def numerical_gradient(inputs, outputs, weights, eps=1e-4):
    arrays = [w.detach().numpy().copy() for w in weights]  # nudged in place: copies
    grads = []
    for k, x in enumerate(arrays):
        def f(arr, k=k):
            ws = [torch.from_numpy(arr) if j == k else w for j, w in enumerate(weights)]
            return feed_forward(inputs, outputs, ws).item()
        grads.append(torch.from_numpy(eval_numerical_gradient(f, x, h=eps)))
    return grads


def sigmoid_grad(x):
    return sigmoid(x) * (1 - sigmoid(x))


def sigmoid_grad_chain(x, y, W1, W2):
    z = x @ W1
    y_hat = sigmoid(z) @ W2
    return -2 * (y - y_hat) * W2[0] * sigmoid_grad(z[0]) * x[0]
