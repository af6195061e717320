"""bce_with_logits that adds x * t where the stable form subtracts it.

Says (bce_with_logits): The middle term has the wrong sign
"""


def bce_with_logits(logits, target):
    x = logits
    return (x.clamp(min=0) + x * target + torch.log1p(torch.exp(-x.abs()))).mean()
