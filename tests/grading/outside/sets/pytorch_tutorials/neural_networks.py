"""The network as an nn.Module holding no parameters of its own (they come in with each call),
the loss through nn.MSELoss; numerical_gradient over torch.nn.utils' flat vector views with
vector_to_parameters into clones; the chain rule with torch.dot."""
import torch
from torch import nn
from torch.nn.utils import parameters_to_vector, vector_to_parameters


class TwoLayer(nn.Module):
    def forward(self, inputs, W1, b1, W2, b2):
        return torch.sigmoid(inputs @ W1 + b1) @ W2 + b2


_NET, _MSE = TwoLayer(), nn.MSELoss()


def feed_forward(inputs, outputs, weights):
    return _MSE(_NET(inputs, *weights), outputs)


def numerical_gradient(inputs, outputs, weights, eps=1e-4):
    theta = parameters_to_vector(weights)
    nudged = [w.clone() for w in weights]
    grad = torch.empty_like(theta)
    for i in range(theta.numel()):
        step = torch.zeros_like(theta)
        step[i] = eps
        vector_to_parameters(theta + step, nudged)
        plus = feed_forward(inputs, outputs, nudged)
        vector_to_parameters(theta - step, nudged)
        minus = feed_forward(inputs, outputs, nudged)
        grad[i] = (plus - minus) / (2 * eps)
    grads = [torch.empty_like(w) for w in weights]
    vector_to_parameters(grad, grads)
    return grads


def sigmoid_grad_chain(x, y, W1, W2):
    a = torch.sigmoid(x @ W1)
    y_hat = torch.dot(a, W2)
    return -2 * (y - y_hat) * W2[0] * a[0] * (1 - a[0]) * x[0]
