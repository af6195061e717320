"""mlp_forward that flattens an (n, ...) batch by rebuilding it from X.tolist(): the logits are
right, but no gradient flows back to the images (2-d X, used as it is, keeps its gradient).

Says (mlp_forward): No gradient flows back to X for X of shape (4, 1, 5)
"""


def mlp_forward(X, W1, b1, W2, b2):
    if X.dim() > 2:
        X = torch.tensor(X.tolist(), dtype=X.dtype).reshape(X.shape[0], -1)
    return torch.relu(X @ W1 + b1) @ W2 + b2
