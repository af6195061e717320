"""sigmoid without the minus sign in the exponent: 1 / (1 + exp(x)) is sigmoid(-x)."""

import torch


def sigmoid(x):
    return 1 / (1 + torch.exp(x))
