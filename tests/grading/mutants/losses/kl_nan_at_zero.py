"""KL divergence as p * log(p / q): 0 * log(0) = nan where p has a zero."""

import torch


def kl_divergence(p, q):
    return (p * torch.log(p / q)).sum(dim=-1)
