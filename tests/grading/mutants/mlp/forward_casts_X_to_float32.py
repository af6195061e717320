"""mlp_forward casting X to float32 (as for the chapter's uint8 images): float64 inputs raise a
dtype error, which was told to flatten X (any RuntimeError of mlp_forward was, session 35).

Says (mlp_forward): Keep the dtype of the inputs
"""


def mlp_forward(X, W1, b1, W2, b2):
    X = X.reshape(X.shape[0], -1).float()
    return torch.relu(X @ W1 + b1) @ W2 + b2
