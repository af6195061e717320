"""l1_loss that also accepts KLDivLoss's reduction 'batchmean' (the sum divided by the number of
rows) instead of raising ValueError for a reduction outside 'none', 'mean' and 'sum'."""


def l1_loss(y_hat, y, reduction="mean"):
    if reduction == "batchmean":
        return (y_hat - y).abs().sum() / len(y_hat)
    return _reduce((y_hat - y).abs(), reduction)
