"""mlp_forward that reads the input's size as `n, d = X.shape` (EECS 498's code), which images
of shape (n, 1, 28, 28) refuse: the message was Python's "too many values to unpack" alone.

Says (mlp_forward): Flatten each example into one row
"""


def mlp_forward(X, W1, b1, W2, b2):
    n, d = X.shape
    return torch.relu(X @ W1 + b1) @ W2 + b2
