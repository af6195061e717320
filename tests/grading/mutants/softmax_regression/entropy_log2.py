"""Entropy in bits (log base 2) where nats (natural log) are asked."""

import torch


def entropy(p):
    return -torch.where(p > 0, p * torch.log2(p), torch.zeros_like(p)).sum(dim=-1)
