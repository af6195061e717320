"""cross_entropy_loss with the row maximum and the log-sum-exp taken without keepdim (the habit
of TensorFlow's reduce_max and reduce_logsumexp): a size error on (n, q) batches, nan on the
square batch of large logits. The messages showed torch's size error and blamed an overflow.

Says (cross_entropy_loss): keepdim=True
"""


def cross_entropy_loss(logits, target):
    m = logits.max(dim=1).values
    log_p = logits - (m + torch.log(torch.exp(logits - m).sum(dim=1)))
    if not target.is_floating_point():
        target = torch.eye(logits.shape[1], dtype=logits.dtype)[target]
    return -(target * log_p).sum(dim=1).mean()
