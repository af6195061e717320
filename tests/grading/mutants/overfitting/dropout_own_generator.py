"""dropout_layer draws from a generator of its own, seeded once when the module is imported:
masks differ from call to call, but torch.manual_seed cannot repeat a run."""

_GENERATOR = torch.Generator().manual_seed(0)


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1:
        return torch.zeros_like(X)
    keep = (torch.rand(X.shape, generator=_GENERATOR) > dropout).to(X.dtype)
    return keep * X / (1.0 - dropout)
