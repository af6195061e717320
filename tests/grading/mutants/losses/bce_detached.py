"""bce_with_logits detaches the logits (e.g. to silence a warning): the value is right, but the
loss has no gradient."""


def bce_with_logits(logits, target):
    x = logits.detach()
    return (x.clamp(min=0) - x * target + torch.log1p(torch.exp(-x.abs()))).mean()
