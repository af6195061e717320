"""dropout_layer seeds torch's generator with its first seed on every call, to be reproducible:
after one torch.manual_seed, every forward pass drops the same entries."""


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1:
        return torch.zeros_like(X)
    torch.manual_seed(torch.initial_seed())
    keep = (torch.rand(X.shape) > dropout).to(X.dtype)
    return keep * X / (1.0 - dropout)
