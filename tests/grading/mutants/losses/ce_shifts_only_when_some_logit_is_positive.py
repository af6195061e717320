"""cross_entropy_loss that subtracts the row maxima only when some logit of the batch is
positive (exp of a logit <= 0 cannot overflow, so the shift looks needless there): a batch of
logits all like -1000 underflows to log(0) = -inf.

Says (cross_entropy_loss): on every row and always
"""


def cross_entropy_loss(logits, target):
    if logits.max() > 0:
        logits = logits - logits.max(dim=1, keepdim=True).values
    log_probs = logits - torch.log(torch.exp(logits).sum(dim=1, keepdim=True))
    if target.dtype.is_floating_point:
        return -(target * log_probs).sum(dim=1).mean()
    return nll_loss(log_probs, target)
