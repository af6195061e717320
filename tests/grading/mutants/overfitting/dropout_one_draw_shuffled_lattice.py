"""dropout_layer draws ONE uniform number u per call and keeps entry k where u + v_k (mod 1) > p,
v_k = k c (mod 1) laid over X in a fixed shuffled order (c the golden ratio's fraction), one
entry flipped at random so that the count is not exact: the rate, the neighbours, the mirrors,
the runs of 32 and the seeds all look right, but every mask is the same pattern shifted (a red
team's, session 32: 9/9).

Says (dropout_layer): the masks are one pattern, shifted
"""

_C = (5**0.5 - 1) / 2


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1:
        return torch.zeros_like(X)
    if dropout == 0:
        return X.clone()
    u = torch.rand(()).item()
    order = torch.randperm(X.numel(), generator=torch.Generator().manual_seed(X.numel()))
    keep = (torch.frac(u + order.to(torch.float64) * _C) > dropout).reshape(X.shape)
    keep.view(-1)[torch.randint(X.numel(), ())] ^= True
    return keep.to(X.dtype) * X / (1.0 - dropout)
