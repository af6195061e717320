"""dropout_layer that returns X unchanged when X has fewer than 4 entries (a lone number): the
0-dim X at p = 0.5 was checked for its shape and dtype only.

Says (dropout_layer): dropout_layer(X, 0.5) for float64 X of shape ()
"""


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError("dropout must be in [0, 1]")
    if dropout == 0:
        return X.clone()
    if dropout == 1:
        return torch.zeros_like(X)
    if X.numel() < 4:
        return X.clone()
    mask = (torch.rand(X.shape) > dropout).to(X.dtype)
    return mask * X / (1.0 - dropout)
