"""dropout_layer divides the kept entries by p instead of by 1 - p."""


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1:
        return torch.zeros_like(X)
    if dropout == 0:
        return X.clone()
    keep = (torch.rand(X.shape) > dropout).to(X.dtype)
    return keep * X / dropout
