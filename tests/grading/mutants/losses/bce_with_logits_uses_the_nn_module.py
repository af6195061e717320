"""bce_with_logits through torch.nn.BCEWithLogitsLoss, a loss of torch.nn."""

import torch


def bce_with_logits(logits, target):
    return torch.nn.BCEWithLogitsLoss()(logits, target.to(logits.dtype))
