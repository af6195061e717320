"""kl_divergence uses xlogy in float64 but torch.where over p * log(p / q) in float32: right
values, nan gradient w.r.t. q where p_j = 0, in float32 only. The gradient check posed float64
only (session 32: 38/38).

Says (kl_divergence): float32 p and q where some p_j are exactly 0 w.r.t. q is nan
"""


def kl_divergence(p, q):
    if p.dtype == torch.float64:
        return (torch.xlogy(p, p) - torch.xlogy(p, q)).sum(dim=-1)
    return torch.where(p > 0, p * torch.log(p / q), 0.0).sum(dim=-1)
