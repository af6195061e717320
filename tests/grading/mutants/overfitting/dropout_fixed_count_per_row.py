"""dropout_layer that drops exactly round(p * q) entries of every row (a randperm per row): each
row keeps the same count, so the entries are not dropped independently.

Says (dropout_layer): drops a fixed number of entries
"""


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1:
        return torch.zeros_like(X)
    if X.dim() < 2:
        return X * (torch.rand(X.shape) > dropout).to(X.dtype) / (1 - dropout)
    rows = X.reshape(-1, X.shape[-1])
    mask = torch.ones_like(rows)
    k = round(dropout * rows.shape[1])
    for i in range(rows.shape[0]):
        mask[i, torch.randperm(rows.shape[1])[:k]] = 0
    return (rows * mask / (1 - dropout)).reshape(X.shape)
