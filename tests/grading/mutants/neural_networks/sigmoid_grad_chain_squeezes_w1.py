"""sigmoid_grad_chain that squeezes W1 first: right while d and h are both above 1, broken for a
network with one input or one hidden unit.

Says (sigmoid_grad_chain): d = 1 or h = 1 included
"""

import torch


def sigmoid_grad_chain(x, y, W1, W2):
    a = torch.sigmoid(x @ W1.squeeze())
    y_hat = a @ W2
    return -2 * (y - y_hat) * W2[0] * a[0] * (1 - a[0]) * x[0]
