"""dropout_layer zeroes entries but does not divide the kept ones by 1 - p (E[output] shrinks)."""


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1:
        return torch.zeros_like(X)
    keep = (torch.rand(X.shape) > dropout).to(X.dtype)
    return keep * X
