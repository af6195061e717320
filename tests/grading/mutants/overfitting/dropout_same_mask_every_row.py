"""dropout_layer draws one mask for the last dimension and reuses it for every row."""


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1:
        return torch.zeros_like(X)
    if dropout == 0:
        return X.clone()
    keep = (torch.rand(X.shape[-1]) > dropout).to(X.dtype)
    return keep * X / (1.0 - dropout)
