"""mlp_forward that does not flatten image batches."""

import torch


def mlp_forward(X, W1, b1, W2, b2):
    return torch.relu(X @ W1 + b1) @ W2 + b2
