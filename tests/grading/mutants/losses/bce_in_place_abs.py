"""bce_with_logits takes |x| with abs_(), in place: the loss is right, but the caller's logits
lose their signs."""


def bce_with_logits(logits, target):
    positive = logits.clamp(min=0)
    product = logits * target
    return (positive - product + torch.log1p(torch.exp(-logits.abs_()))).mean()
