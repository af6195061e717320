"""dropout_layer draws one number for each pair of neighbouring entries (half the draws), so
the two entries of a pair are always dropped together."""


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1:
        return torch.zeros_like(X)
    flat = X.reshape(-1)
    draws = torch.rand((flat.numel() + 1) // 2).repeat_interleave(2)[: flat.numel()]
    keep = (draws > dropout).to(X.dtype).reshape(X.shape)
    return keep * X / (1.0 - dropout)
