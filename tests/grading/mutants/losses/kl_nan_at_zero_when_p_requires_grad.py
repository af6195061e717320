"""kl_divergence that computes p * (log p - log q) plainly (nan where p_j = 0) when p requires
grad, and with torch.where otherwise: the one call on p requiring grad compared gradients only.

Says (kl_divergence): p and q requiring grad
"""


def kl_divergence(p, q):
    if p.requires_grad:
        return (p * (torch.log(p) - torch.log(q))).sum(dim=-1)
    safe = torch.where(p > 0, p, torch.ones_like(p))
    return torch.where(p > 0, p * (torch.log(safe) - torch.log(q)), 0).sum(dim=-1)
