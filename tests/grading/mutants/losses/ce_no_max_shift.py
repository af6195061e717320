"""Cross-entropy as log(softmax) without the max shift: exp(1000) overflows to inf, giving nan.
Its nan gradient is blamed on the formula, not on a torch.where.

Says (cross_entropy_loss): and so does the loss itself
"""

import torch


def cross_entropy_loss(logits, target):
    log_probs = torch.log(torch.exp(logits) / torch.exp(logits).sum(dim=1, keepdim=True))
    if target.dtype.is_floating_point:
        return -(target * log_probs).sum(dim=1).mean()
    return -log_probs[torch.arange(len(target)), target].mean()
