"""dropout_layer insists on a float rate and raises ValueError for the int 0, a rate inside
[0, 1] that the docstring accepts.

Says (dropout_layer): The int 0 is a valid rate
"""


def dropout_layer(X, dropout):
    if not isinstance(dropout, float) or not 0.0 <= dropout <= 1.0:
        raise ValueError(f"dropout must be a float in [0, 1], got {dropout!r}")
    if dropout == 1.0:
        return torch.zeros_like(X)
    if dropout == 0.0:
        return X.clone()
    keep = (torch.rand(X.shape) > dropout).to(X.dtype)
    return keep * X / (1.0 - dropout)
