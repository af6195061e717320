"""bce_with_logits as the sum of the terms divided by the number of rows (Keras-like per-row
averaging done by hand): for an (n, k) input the mean is over all n * k elements. The message
gave only "your values are 3 times the expected ones".

Says (bce_with_logits): number of rows
"""


def bce_with_logits(logits, target):
    terms = logits.clamp(min=0) - logits * target + torch.log1p(torch.exp(-logits.abs()))
    return terms.sum() / logits.shape[0]
