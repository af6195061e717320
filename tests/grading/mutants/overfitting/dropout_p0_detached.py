"""dropout_layer returns X.detach().clone() for p = 0 (a habit copied from tensor-copy advice):
the values are right, but no gradient flows back to X through a layer with p = 0, so a
network built with dropout 0 never trains the layers below it.

Says (dropout_layer): p = 0
"""


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1:
        return torch.zeros_like(X)
    if dropout == 0:
        return X.detach().clone()
    keep = (torch.rand(X.shape) > dropout).to(X.dtype)
    return keep * X / (1.0 - dropout)
