"""cross_entropy_loss subtracts the row maximum in float32 only ("float64 has room"): exp(1000.)
is inf in float64 too, so float64 logits like 1000 give nan. Every stability check posed float32
logits only (session 32: 38/38).

Says (cross_entropy_loss): The same inputs in the other dtype passed
"""


def cross_entropy_loss(logits, target):
    if logits.dtype == torch.float32:
        logits = logits - logits.max(dim=1, keepdim=True).values
    log_probs = logits - torch.log(torch.exp(logits).sum(dim=1, keepdim=True))
    if target.dtype.is_floating_point:
        return -(target * log_probs).sum(dim=1).mean()
    return -log_probs[torch.arange(len(logits)), target].mean()
