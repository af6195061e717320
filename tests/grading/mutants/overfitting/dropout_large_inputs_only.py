"""dropout_layer skips the dropout on inputs below 100,000 entries (a "fast path" for small
batches), so a minibatch passes through unchanged."""


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1:
        return torch.zeros_like(X)
    if X.numel() < 100_000:
        return X.clone()
    keep = (torch.rand(X.shape) > dropout).to(X.dtype)
    return keep * X / (1.0 - dropout)
