"""cross_entropy_loss treats a target as probabilities only when its dtype is torch.float32:
float64 soft targets go down the class-index path.

Says (cross_entropy_loss): float64 probabilities are soft targets
"""


def cross_entropy_loss(logits, target):
    log_p = logits - torch.logsumexp(logits, dim=1, keepdim=True)
    if target.dtype == torch.float32:
        return -(target * log_p).sum(dim=1).mean()
    return -log_p[torch.arange(len(logits)), target.long()].mean()
