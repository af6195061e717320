"""cross_entropy_loss that subtracts the largest logit of the whole batch (logits.max()) rather
than each row's maximum: a row far below the batch's maximum underflows, exp() of it is 0 for
every class, and its log-sum-exp is log(0) = -inf."""


def cross_entropy_loss(logits, target):
    shifted = logits - logits.max()
    log_p = shifted - torch.log(torch.exp(shifted).sum(dim=1, keepdim=True))
    if target.dtype.is_floating_point:
        return -(target * log_p).sum(dim=1).mean()
    return -log_p[torch.arange(len(logits)), target].mean()
