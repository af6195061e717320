"""dropout_layer compares torch.randn (a normal draw) with p instead of a uniform draw: about
62% of the entries are dropped at p = 0.3.

Says (dropout_layer): torch.randn draws from a normal distribution
"""


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1:
        return torch.zeros_like(X)
    mask = (torch.randn(X.shape) > dropout).to(X.dtype)
    return mask * X / (1.0 - dropout)
