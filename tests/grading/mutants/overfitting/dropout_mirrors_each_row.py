"""dropout_layer mirrors the draws of each row of a matrix: the second half of a row is its first
half reversed, so entries j and n - 1 - j of a row are dropped together (neighbours, the rows
and the flattened mask's runs of 32 still look independent).

Says (dropout_layer): agrees with itself reversed (each row)
"""


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1:
        return torch.zeros_like(X)
    if X.ndim != 2:
        return (torch.rand(X.shape) > dropout).to(X.dtype) * X / (1.0 - dropout)
    n = X.shape[1]
    half = torch.rand(X.shape[0], (n + 1) // 2)
    draws = torch.cat([half, half.flip(1)[:, n % 2 :]], dim=1)
    return (draws > dropout).to(X.dtype) * X / (1.0 - dropout)
