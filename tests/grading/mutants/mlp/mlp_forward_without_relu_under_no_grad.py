"""mlp_forward that leaves out the ReLU when no gradient is recorded: right in training, wrong in
every evaluation loop under torch.no_grad().

Says (mlp_forward): under torch.no_grad()
"""


def mlp_forward(X, W1, b1, W2, b2):
    H = X.reshape(X.shape[0], -1) @ W1 + b1
    if torch.is_grad_enabled():
        H = torch.clamp(H, min=0)
    return H @ W2 + b2
