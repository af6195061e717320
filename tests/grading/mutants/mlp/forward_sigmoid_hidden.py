"""mlp_forward with a sigmoid hidden layer (the previous chapter's network) instead of ReLU.

Says (mlp_forward): uses a sigmoid
"""


def mlp_forward(X, W1, b1, W2, b2):
    X = X.reshape(X.shape[0], -1)
    return torch.sigmoid(X @ W1 + b1) @ W2 + b2
