"""mlp_forward that flattens a batch of images with X.resize_, changing the caller's X.

Says (mlp_forward): changed the shape of the caller's X
"""

import torch


def mlp_forward(X, W1, b1, W2, b2):
    if X.dim() > 2:
        X.resize_(X.shape[0], W1.shape[0])
    return torch.relu(X @ W1 + b1) @ W2 + b2
