"""Entropy averaged over the q classes (.mean(-1)) instead of summed: 1/q of the right value.
It was told only 'Your values are 1/4 of the expected ones'.

Says (entropy): You averaged over the 4 classes
"""

import torch


def entropy(p):
    return -torch.xlogy(p, p).mean(dim=-1)
