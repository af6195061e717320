"""dropout_layer returns the keep mask itself (a bool tensor) instead of the scaled values."""


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1:
        return torch.zeros_like(X)
    if dropout == 0:
        return X.clone()
    return torch.rand(X.shape) > dropout
