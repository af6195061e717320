"""dropout_layer that gives every input that is not a matrix back flattened (.reshape(-1)): a
vector keeps its shape, but a 0-dim X comes back with shape (1,) instead of X's shape ().

Says (dropout_layer): keeps X's shape
"""

_dropout_of_any_shape = dropout_layer


def dropout_layer(X, dropout):
    out = _dropout_of_any_shape(X, dropout)
    return out if X.ndim >= 2 else out.reshape(-1)
