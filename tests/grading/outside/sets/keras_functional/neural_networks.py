"""CS231n's eval_numerical_gradient on one flat vector: parameters_to_vector, every entry
nudged through a Python float saved with .item(), the vector split back into views; the
forward pass unpacked from the list; the chain rule on tensors."""
import torch
from torch.nn.utils import parameters_to_vector


def feed_forward(inputs, outputs, weights):
    W1, b1, W2, b2 = weights
    predictions = torch.sigmoid(inputs @ W1 + b1) @ W2 + b2
    return (predictions - outputs).square().mean()


def numerical_gradient(inputs, outputs, weights, eps=1e-4):
    theta = parameters_to_vector(weights).clone()
    sizes = [w.numel() for w in weights]

    def loss_at(vector):
        parts = [chunk.view_as(w) for chunk, w in zip(vector.split(sizes), weights)]
        return feed_forward(inputs, outputs, parts)

    grad = torch.zeros_like(theta)
    for i in range(theta.numel()):
        old = theta[i].item()
        theta[i] = old + eps
        plus = loss_at(theta)
        theta[i] = old - eps
        minus = loss_at(theta)
        theta[i] = old
        grad[i] = (plus - minus) / (2 * eps)
    return [g.view_as(w) for g, w in zip(grad.split(sizes), weights)]


def sigmoid_grad_chain(x, y, W1, W2):
    a = torch.sigmoid(x @ W1)
    y_hat = a @ W2
    return -2 * (y - y_hat) * W2[0] * a[0] * (1 - a[0]) * x[0]
