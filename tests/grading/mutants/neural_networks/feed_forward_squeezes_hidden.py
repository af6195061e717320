"""feed_forward that squeezes the hidden activations, which breaks a network with one hidden
unit (hidden becomes (n,), and hidden @ W2 no longer fits).

Says (feed_forward): with a single hidden unit
"""

import torch


def feed_forward(inputs, outputs, weights):
    W1, b1, W2, b2 = weights
    hidden = torch.sigmoid(inputs @ W1 + b1).squeeze()
    predictions = (hidden @ W2 + b2).reshape(-1, 1)
    return ((predictions - outputs) ** 2).mean()
