"""EECS 498's inverted dropout: mask = (torch.rand(*x.shape) < 1 - p) / (1 - p), a float32
mask whatever X's dtype, so float64 kept entries are X times a float32 1 / (1 - p), off in the
8th digit (the hidden float64 test). The message said only "A kept entry becomes X / (1 - p)".
The edge rates are the reference's, so that only the float32 scale is wrong.

Says (dropout_layer): a float32 1 / (1 - p)
"""


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1:
        return torch.zeros_like(X)
    mask = (torch.rand(*X.shape) < (1 - dropout)) / (1 - dropout)
    return mask * X
