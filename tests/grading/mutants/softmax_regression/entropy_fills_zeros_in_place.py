"""entropy that replaces the zero probabilities of the caller's p by 1 (p[p == 0] = 1) so that
0 * log 0 becomes 1 * log 1 = 0: right values, but p is modified in place. It earned every
point (only an input without zeros was checked for changes).

Says (entropy): p was modified in place
"""


def entropy(p):
    p[p == 0] = 1
    return -(p * torch.log(p)).sum(dim=-1)
