"""sigmoid_grad as exp(-x) / (1 + exp(-x))**2: inf / inf = nan for large negative x."""

import torch


def sigmoid_grad(x):
    e = torch.exp(-x)
    return e / (1 + e) ** 2
