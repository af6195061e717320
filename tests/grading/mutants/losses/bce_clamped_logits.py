"""bce_with_logits clamps the logits to [-100, 100] before the stable form (an overflow guard
seen in generated answers): for x = 1000 and t = 0 the loss is 100, not 1000. It was told
about an eps or a clamp of the probability only.

Says (bce_with_logits): a clamp of the logits caps x itself
"""


def bce_with_logits(logits, target):
    x = logits.clamp(-100, 100)
    return (x.clamp(min=0) - x * target + torch.log1p(torch.exp(-x.abs()))).mean()
