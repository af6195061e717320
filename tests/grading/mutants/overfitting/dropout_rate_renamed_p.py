"""dropout_layer names its rate `p` instead of the docstring's `dropout`, so a caller passing
dropout_layer(X, dropout=0.5) by name gets a TypeError.

Says (dropout_layer): keep the stub's signature
"""


def dropout_layer(X, p):
    if not 0 <= p <= 1:
        raise ValueError(f"p must be in [0, 1], got {p}")
    if p == 1:
        return torch.zeros_like(X)
    if p == 0:
        return X.clone()
    keep = (torch.rand(X.shape) > p).to(X.dtype)
    return keep * X / (1.0 - p)
