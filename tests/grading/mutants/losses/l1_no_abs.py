"""L1 loss without the absolute value: signed errors cancel."""


def l1_loss(y_hat, y, reduction="mean"):
    if reduction not in _REDUCTIONS:
        raise ValueError(reduction)
    return _reduce(y_hat - y, reduction)
