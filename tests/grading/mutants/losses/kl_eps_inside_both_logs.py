"""kl_divergence with an eps inside both logs (kb-pilot's KLDivergence, eps = 1e-8):
p * (log(p + eps) - log(q + eps)), summed. Off by less than float32's digits on some inputs,
it was told float32 had lost them.

Says (kl_divergence): You added a small constant (1e-08) inside the logs
"""


def kl_divergence(p, q):
    eps = 1e-08
    return (p * (torch.log(p + eps) - torch.log(q + eps))).sum(-1)
