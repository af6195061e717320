"""tanh_grad through tanh(x) = (1 - exp(-2x)) / (1 + exp(-2x)), with torch.tanh only when the
tensor holds a large positive input (`if x.max() > 40:`, the wrong side: exp(-2x) overflows for
large NEGATIVE x): inputs like -1000 without a large positive one give inf / inf = nan
(session 35: 28/28).

Says (tanh_grad): for the whole tensor
"""


def tanh_grad(x):
    if x.numel() and x.max() > 40:
        return 1 - torch.tanh(x) ** 2
    e = torch.exp(-2 * x)
    return 1 - ((1 - e) / (1 + e)) ** 2
