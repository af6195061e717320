"""Deep Learning from Scratch (Koki Saito, oreilly-japan/deep-learning-from-scratch):
common/gradient.py's numerical_gradient run as written on NumPy views of the weights (np.nditer
over a readwrite array, the entry saved with tmp_val = x[idx] and put back), ch04's
TwoLayerNet.predict with common/functions.py's sigmoid for the forward pass."""
import numpy as np
import torch


def sigmoid(x):
    return 1 / (1 + torch.exp(-x))  # common/functions.py: 1 / (1 + np.exp(-x))


def feed_forward(inputs, outputs, weights):
    W1, b1, W2, b2 = weights
    a1 = torch.matmul(inputs, W1) + b1  # np.dot(x, W1) + b1
    z1 = sigmoid(a1)
    y = torch.matmul(z1, W2) + b2
    return torch.mean((y - outputs) ** 2)  # the course's mean squared error, see README


def _numerical_gradient(f, x, h=1e-4):  # h = 1e-4 # 0.0001, a parameter here: see README
    grad = np.zeros_like(x)

    it = np.nditer(x, flags=['multi_index'], op_flags=['readwrite'])
    while not it.finished:
        idx = it.multi_index
        tmp_val = x[idx]
        x[idx] = float(tmp_val) + h
        fxh1 = f(x)  # f(x+h)

        x[idx] = tmp_val - h
        fxh2 = f(x)  # f(x-h)
        grad[idx] = (fxh1 - fxh2) / (2 * h)

        x[idx] = tmp_val  # 値を元に戻す
        it.iternext()

    return grad


def numerical_gradient(inputs, outputs, weights, eps=1e-4):
    # TwoLayerNet.numerical_gradient: loss_W = lambda W: self.loss(x, t), one call per weight
    loss_W = lambda W: feed_forward(inputs, outputs, weights).item()  # noqa: E731
    grads = []
    for W in weights:
        x = W.detach().numpy()  # shares W's memory: a nudge of x is a nudge of W
        grads.append(torch.from_numpy(_numerical_gradient(loss_W, x, eps)))
    return grads


def sigmoid_grad_chain(x, y, W1, W2):
    raise NotImplementedError("not in the source")
