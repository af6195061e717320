"""Cross-entropy indexing y_hat[:, y], which pairs every row with every label: shape (n, n)."""

import torch


def cross_entropy(y_hat, y):
    return -torch.log(y_hat[:, y])
