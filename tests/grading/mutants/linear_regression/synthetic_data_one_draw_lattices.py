"""synthetic_data draws ONE random number for X and one for the noise: each is the normal
quantiles of a lattice u + k c (mod 1) laid out in a fixed shuffled order (c the golden ratio's
fraction). Means, spreads, tails, columns, rows and the noise's independence of X all look right,
but every call's data are one pattern shifted (a red team's, session 32: 5/5).

Says (synthetic_data): are not independent draws
"""

_C = (5**0.5 - 1) / 2


def _lattice_normal(shape, salt, dtype):
    m = 1
    for s in shape:
        m *= s
    u = torch.rand((), dtype=torch.float64).item()
    order = torch.randperm(m, generator=torch.Generator().manual_seed(1000 * m + salt))
    v = torch.frac(u + order.to(torch.float64) * _C).clamp(1e-15, 1 - 1e-15)
    return torch.special.ndtri(v).reshape(shape).to(dtype)


def synthetic_data(w, b, num_examples):
    X = _lattice_normal((num_examples, len(w)), 1, w.dtype)
    y = X @ w + b + 0.01 * _lattice_normal((num_examples,), 2, w.dtype)
    return X, y.reshape(-1, 1)
