"""mse_loss with reduction='mean' averages over dim 0 only: one number per column, not one in all.

Says (mse_loss): reduces over ALL elements
"""


def mse_loss(y_hat, y, reduction="mean"):
    sq = (y_hat - y) ** 2
    if reduction == "none":
        return sq
    if reduction == "mean":
        return sq.mean(dim=0)
    if reduction == "sum":
        return sq.sum()
    raise ValueError(reduction)
