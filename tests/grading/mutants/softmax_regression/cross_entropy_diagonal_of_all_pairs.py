"""Cross-entropy from the diagonal of y_hat[:, y]: right losses, through an (n, n) matrix that a
large batch cannot hold.

Says (cross_entropy): ran out of memory
"""

import torch


def cross_entropy(y_hat, y):
    return -torch.log(y_hat[:, y].diagonal())
