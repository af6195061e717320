"""dropout_layer draws half as many uniform numbers as X has entries and uses them twice, the
second time reversed: flattened entries k and n - 1 - k are always dropped together. The rate,
the scale, neighbours and runs of 32 entries all look independent (a red team's, session 31:
23/23).

Says (dropout_layer): agrees with itself reversed (the whole mask
"""


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1:
        return torch.zeros_like(X)
    n = X.numel()
    half = torch.rand((n + 1) // 2)
    draws = torch.cat([half, half.flip(0)[n % 2 :]]).reshape(X.shape)
    return (draws > dropout).to(X.dtype) * X / (1.0 - dropout)
