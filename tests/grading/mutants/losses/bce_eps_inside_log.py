"""BCE from sigmoid probabilities with an eps inside the logs (a common "fix" for log(0)):
finite, but each term is capped at -log(eps), far below |x| for large logits.

Says (bce_with_logits): caps each term at -log(eps)
"""


def bce_with_logits(logits, target):
    s = 1 / (1 + torch.exp(-logits))
    eps = 1e-7
    return -(target * torch.log(s + eps) + (1 - target) * torch.log(1 - s + eps)).mean()
