"""dropout_layer that draws its mask with torch.rand(*X.shape): for a 0-dim X that is
torch.rand(), which has no size and raises, where X may have any shape.

Says (dropout_layer): torch.rand(X.shape)
"""


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout in (0, 1):
        return X.clone() if dropout == 0 else torch.zeros_like(X)
    keep = (torch.rand(*X.shape) > dropout).to(X.dtype)
    return keep * X / (1 - dropout)
