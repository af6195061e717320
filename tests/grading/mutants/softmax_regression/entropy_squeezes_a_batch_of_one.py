"""entropy sums with keepdim=True and then squeezes: right for every shape without a dimension
of size 1, but a batch of one distribution, p of shape (1, q), gets shape () instead of (1,)
(a red team's, session 32: 5/5 while no check posed such a batch).

Says (entropy): a dimension of size 1 was dropped
"""


def entropy(p):
    return (-torch.xlogy(p, p).sum(dim=-1, keepdim=True)).squeeze()
