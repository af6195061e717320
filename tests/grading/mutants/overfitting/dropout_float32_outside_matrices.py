"""dropout_layer with a special path for inputs that are not matrices, which multiplies by a
float32 mask after X.float(): a float64 vector or 0-dim X comes back as float32, where X's dtype
is promised."""

_dropout_of_any_shape = dropout_layer


def dropout_layer(X, dropout):
    if X.ndim == 2 or dropout in (0, 1):
        return _dropout_of_any_shape(X, dropout)
    keep = (torch.rand(X.shape) > dropout).float()
    return keep * X.float() / (1 - dropout)
