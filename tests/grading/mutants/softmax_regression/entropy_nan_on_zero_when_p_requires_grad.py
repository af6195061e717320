"""entropy that computes p * log(p) plainly (nan where p = 0) when p requires grad, and with
xlogy otherwise: entropy was never called on a p that requires grad.

Says (entropy): requires grad
"""


def entropy(p):
    if p.requires_grad:
        return -(p * torch.log(p)).sum(dim=-1)
    return -torch.special.xlogy(p, p).sum(dim=-1)
