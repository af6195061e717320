"""MSE that sums the squared errors where their mean is asked (the default reduction)."""


def mse_loss(y_hat, y, reduction="mean"):
    if reduction not in _REDUCTIONS:
        raise ValueError(reduction)
    terms = (y_hat - y) ** 2
    return terms if reduction == "none" else terms.sum()
