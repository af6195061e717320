import torch


def _reduce(t, reduction):
    if reduction == "none":
        return t
    if reduction == "mean":
        return t.mean()
    if reduction == "sum":
        return t.sum()
    raise ValueError(f"unknown reduction {reduction!r}")

def l1_loss(y_hat, y, reduction="mean"):
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(reduction)
    return _reduce((y_hat - y).abs(), reduction)

def mse_loss(y_hat, y, reduction="mean"):
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(reduction)
    return _reduce((y_hat - y) ** 2, reduction)

def nll_loss(log_probs, target):
    n = log_probs.shape[0]
    return -log_probs[torch.arange(n), target].mean()

def _log_softmax(z):
    m = z.max(dim=1, keepdim=True).values
    s = z - m
    return s - torch.log(torch.exp(s).sum(dim=1, keepdim=True))

def cross_entropy_loss(logits, target):
    lp = _log_softmax(logits)
    if target.dtype in (torch.int64, torch.int32, torch.long) or target.dim() == 1:
        return nll_loss(lp, target)
    return -(target * lp).sum(dim=1).mean()

def bce_with_logits(logits, target):
    x, t = logits, target
    pos = x >= 0
    return (torch.where(pos, x, 0.0) - x * t + torch.log1p(torch.exp(torch.where(pos, -x, x)))).mean()

def kl_divergence(p, q):
    return (torch.xlogy(p, p) - torch.xlogy(p, q)).sum(dim=-1)
