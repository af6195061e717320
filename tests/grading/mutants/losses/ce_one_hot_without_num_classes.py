"""cross_entropy_loss turns class indices into one-hot rows with F.one_hot(target), without
num_classes: a batch whose labels lack the last class gets too few columns (a size error, or
one column broadcast over all q). Seen in public answers that use one formula for hard and
soft targets.

Says (cross_entropy_loss): num_classes=logits.shape[1]
"""


def cross_entropy_loss(logits, target):
    log_p = logits - torch.logsumexp(logits, dim=1, keepdim=True)
    if not target.is_floating_point():
        target = torch.nn.functional.one_hot(target).to(logits.dtype)
    return -(target * log_p).sum(dim=1).mean()
