"""dropout_layer accepts a dropout probability outside [0, 1] without complaint."""


def dropout_layer(X, dropout):
    if dropout >= 1:
        return torch.zeros_like(X)
    if dropout <= 0:
        return X.clone()
    keep = (torch.rand(X.shape) > dropout).to(X.dtype)
    return keep * X / (1.0 - dropout)
