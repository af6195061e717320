"""dropout_layer that returns torch.zeros(X.shape) for dropout == 1: float32 for a float64 X."""

_reference_dropout_layer = dropout_layer


def dropout_layer(X, dropout):
    if dropout == 1:
        return torch.zeros(X.shape)
    return _reference_dropout_layer(X, dropout)
