"""mlp_forward forgets the hidden bias: relu(X W1) W2 + b2.

Says (mlp_forward): hidden bias b1 is missing
"""


def mlp_forward(X, W1, b1, W2, b2):
    X = X.reshape(X.shape[0], -1)
    return torch.relu(X @ W1) @ W2 + b2
