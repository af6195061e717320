"""l1_loss whose 'none' result goes through torch.atleast_1d: a 0-dim input gives shape (1,)
instead of y_hat's shape ().

Says (l1_loss): 0-dim
"""


def l1_loss(y_hat, y, reduction="mean"):
    if reduction not in _REDUCTIONS:
        raise ValueError(f"bad reduction {reduction!r}")
    terms = (y_hat - y).abs()
    return torch.atleast_1d(terms) if reduction == "none" else _reduce(terms, reduction)
