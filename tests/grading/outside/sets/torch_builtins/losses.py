"""Sum/numel means, one-hot NLL, logsigmoid BCE, nansum KL, amax without keepdim."""
import torch
import torch.nn.functional as F


def l1_loss(y_hat, y, reduction="mean"):
    diff = torch.abs(y_hat - y)
    if reduction == "mean":
        return diff.sum() / diff.numel()
    if reduction == "sum":
        return torch.sum(diff)
    if reduction == "none":
        return diff
    raise ValueError("reduction must be one of 'none', 'mean', 'sum'")


def mse_loss(y_hat, y, reduction="mean"):
    sq = torch.pow(y_hat - y, 2)
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(reduction)
    return {"none": sq, "mean": sq.mean() if reduction == "mean" else None,
            "sum": sq.sum() if reduction == "sum" else None}[reduction]


def nll_loss(log_probs, target):
    onehot = F.one_hot(target, log_probs.shape[1]).to(log_probs.dtype)
    return -(onehot * log_probs).sum() / log_probs.shape[0]


def cross_entropy_loss(logits, target):
    m = torch.amax(logits, dim=1)
    lse = m + torch.log(torch.sum(torch.exp(logits - m[:, None]), dim=1))
    log_p = logits - lse.unsqueeze(1)
    if target.dtype == torch.long:
        target = F.one_hot(target, logits.shape[1]).to(logits.dtype)
    return -(target * log_p).sum(1).mean()


def bce_with_logits(logits, target):
    return -(target * F.logsigmoid(logits) + (1 - target) * F.logsigmoid(-logits)).mean()


def kl_divergence(p, q):
    # log(p) - log(q): the q part's slope stays finite where p = 0 (log(p / q)'s is not)
    return torch.nansum(p * (torch.log(p) - torch.log(q)), dim=-1)
