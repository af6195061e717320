"""mlp_forward returns softmax probabilities instead of the logits.

Says (mlp_forward): returned softmax probabilities
"""


def mlp_forward(X, W1, b1, W2, b2):
    X = X.reshape(X.shape[0], -1)
    return torch.softmax(torch.relu(X @ W1 + b1) @ W2 + b2, dim=1)
