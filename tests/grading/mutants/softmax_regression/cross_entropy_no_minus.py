"""Cross-entropy without the minus sign: the losses come out negative."""

import torch


def cross_entropy(y_hat, y):
    return torch.log(y_hat[torch.arange(len(y)), y])
