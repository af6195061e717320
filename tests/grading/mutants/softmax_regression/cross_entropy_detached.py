"""Cross-entropy computed through Python floats, so no gradient reaches y_hat."""

import math

import torch


def cross_entropy(y_hat, y):
    values = [-math.log(float(y_hat[i, int(y[i])])) for i in range(len(y))]
    return torch.tensor(values, dtype=y_hat.dtype)
