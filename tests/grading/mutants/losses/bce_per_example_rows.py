"""bce_with_logits that averages per example (one row per entry of the first dimension) and
treats a 0-dim logit as a batch of one, returning that batch's loss vector of shape (1,) where
a 0-dim tensor is promised.

Says (bce_with_logits): 0-dim
"""


def bce_with_logits(logits, target):
    x = logits.reshape(len(logits) if logits.ndim else 1, -1)
    t = target.reshape(x.shape)
    per_example = (x.clamp(min=0) - x * t + torch.log1p(torch.exp(-x.abs()))).mean(dim=1)
    return per_example.mean() if logits.ndim else per_example
