"""dropout_layer draws 20,000 uniform numbers and tiles them over X: every rate and scale is
right, neighbours are independent, and a new seed gives a new mask, but the draws repeat (a red
team's, session 30: 9/9).

Says (dropout_layer): repeats its random draws
"""

import torch


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError("dropout must be in [0, 1]")
    if dropout == 1:
        return torch.zeros_like(X)
    block = torch.rand(20_000)
    draws = block.repeat(X.numel() // 20_000 + 1)[: X.numel()].reshape(X.shape)
    return (draws > dropout).to(X.dtype) * X / (1 - dropout)
