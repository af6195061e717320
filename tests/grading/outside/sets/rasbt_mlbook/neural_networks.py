"""rasbt/machine-learning-book (MIT), ch11/neuralnet.py: NeuralNetMLP.forward's hidden layer
(z_h = x W_h^T + b_h, a_h = sigmoid(z_h)) with our linear output, ch11's mse_loss, and
NeuralNetMLP.backward's hidden-layer chain for dC/dw11. See README.md."""
import numpy as np
import torch


def _sigmoid(z):  # ch11 sigmoid, torch's exp for autograd
    return 1. / (1. + torch.exp(-z))


def feed_forward(inputs, outputs, weights):
    W1, b1, W2, b2 = weights
    # NeuralNetMLP.forward: weight_h is (num_hidden, num_features), ours W1 is its transpose
    z_h = torch.matmul(inputs, W1) + b1
    a_h = _sigmoid(z_h)
    z_out = torch.matmul(a_h, W2) + b2  # our output unit has no activation
    return torch.mean((outputs - z_out) ** 2)  # mse_loss


def numerical_gradient(inputs, outputs, weights, eps=1e-4):
    raise NotImplementedError("not in the source")


def sigmoid_grad_chain(x, y, W1, W2):
    # NeuralNetMLP.backward for one example, C = (y - y_hat) ** 2 (no mean over 1 example) and a
    # linear output unit: delta_out = 2 (y_hat - y), then the hidden layer's chain, in NumPy
    x = x.numpy()[None, :]
    weight_h, weight_out = W1.numpy().T, W2.numpy()[None, :]  # (hidden, features), (1, hidden)
    a_h = 1. / (1. + np.exp(-np.dot(x, weight_h.T)))
    a_out = np.dot(a_h, weight_out.T)
    delta_out = 2. * (a_out - y) / 1
    d_loss__a_h = np.dot(delta_out, weight_out)
    d_a_h__d_z_h = a_h * (1. - a_h)  # sigmoid derivative
    d_loss__d_w_h = np.dot((d_loss__a_h * d_a_h__d_z_h).T, x)  # (hidden, features)
    return torch.tensor(d_loss__d_w_h[0, 0])
