"""dropout_layer draws its mask with Python's random module, not torch's generator:
torch.manual_seed does not make it reproducible."""


def dropout_layer(X, dropout):
    import random

    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1:
        return torch.zeros_like(X)
    draws = torch.tensor([random.random() for _ in range(X.numel())]).reshape(X.shape)
    keep = (draws > dropout).to(X.dtype)
    return keep * X / (1.0 - dropout)
