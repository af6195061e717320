"""dropout_layer that drops exactly round(p * n) entries, picked with torch.randperm: the rate
is p every time, but the entries are not dropped independently (the docstring: each entry
independently becomes 0 with probability p). It earned every point.

Says (dropout_layer): drops a fixed number of entries
"""


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    n = X.numel()
    mask = torch.ones(n, dtype=X.dtype)
    mask[torch.randperm(n)[: round(dropout * n)]] = 0
    if dropout == 1:
        return X * mask.reshape(X.shape)
    return X * mask.reshape(X.shape) / (1 - dropout)
