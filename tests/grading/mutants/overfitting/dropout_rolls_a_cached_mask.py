"""dropout_layer draws one mask per size once (from a generator of its own) and rolls it by a
random shift at each call (the shift from torch's global generator, so seeds still decide):
every mask is i.i.d. within itself, but all are the same mask moved (a red team's, session 32:
9/9).

Says (dropout_layer): one mask reused and moved
"""

_CACHE = {}


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1:
        return torch.zeros_like(X)
    if dropout == 0:
        return X.clone()
    n = X.numel()
    if n not in _CACHE:
        _CACHE[n] = torch.rand(n, generator=torch.Generator().manual_seed(n), dtype=torch.float64)
    keep = (_CACHE[n].roll(int(torch.randint(n, ()))) > dropout).reshape(X.shape)
    return keep.to(X.dtype) * X / (1.0 - dropout)
