"""mlp_forward turning the biases into rows in place, b1.unsqueeze_(0), to broadcast them: the
caller's b1 and b2 change shape. Only the gradient test, where they require grad, raised, with
torch's words alone (session 35).

Says (mlp_forward): the input b1 of mlp_forward was modified in place
"""


def mlp_forward(X, W1, b1, W2, b2):
    X = X.reshape(X.shape[0], -1)
    b1.unsqueeze_(0)
    b2.unsqueeze_(0)
    return torch.relu(X @ W1 + b1) @ W2 + b2
