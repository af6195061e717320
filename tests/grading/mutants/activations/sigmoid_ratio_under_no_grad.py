"""sigmoid as exp(x) / (1 + exp(x)) under torch.no_grad() ("no backward pass to protect"):
inf / inf = nan for large x in evaluation.

Says (sigmoid): under torch.no_grad()
"""


def sigmoid(x):
    if not torch.is_grad_enabled():
        return torch.exp(x) / (1 + torch.exp(x))
    pos = 1 / (1 + torch.exp(-torch.where(x >= 0, x, 0)))
    e = torch.exp(torch.where(x < 0, x, 0))
    return torch.where(x >= 0, pos, e / (1 + e))
