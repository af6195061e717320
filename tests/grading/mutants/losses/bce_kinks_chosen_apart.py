"""The stable BCE exactly as many write it, clamp(min=0) and abs(): right values everywhere, but
at a logit of exactly 0 autograd takes clamp's slope (0) and abs's (0) separately, and the
gradient is -t / n instead of (0.5 - t) / n: the first step of a model started from zero
weights goes the wrong way.

Says (bce_with_logits): Choose both with one condition, as TensorFlow does
"""

import torch


def bce_with_logits(logits, target):
    x = logits
    return (x.clamp(min=0) - x * target + torch.log1p(torch.exp(-x.abs()))).mean()
