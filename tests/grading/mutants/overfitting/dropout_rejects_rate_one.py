"""dropout_layer accepts only 0 <= dropout < 1, as Chainer's dropout does ("ratio must be
0.0 <= ratio < 1.0"), and raises ValueError at dropout = 1, a rate the docstring allows (every
entry dropped: zeros).

Says (dropout_layer): p = 1 is a valid rate
"""


def dropout_layer(X, dropout):
    if not 0.0 <= dropout < 1.0:
        raise ValueError("ratio must be 0.0 <= ratio < 1.0")
    keep = (torch.rand(X.shape) > dropout).to(X.dtype)
    return keep * X / (1.0 - dropout)
