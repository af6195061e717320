"""cross_entropy_loss that, on the soft-label path, renormalises the target rows in place
(target /= target.sum(dim=1, keepdim=True), under torch.no_grad() so that autograd lets it):
the loss is right, but the caller's target tensor is overwritten.

Says (cross_entropy_loss): target was modified in place
"""


def cross_entropy_loss(logits, target):
    log_p = logits - torch.logsumexp(logits, dim=1, keepdim=True)
    if target.dtype.is_floating_point:
        with torch.no_grad():
            target /= target.sum(dim=1, keepdim=True)
        return -(target * log_p).sum(dim=1).mean()
    return -log_p[torch.arange(len(logits)), target].mean()
