"""mse_loss reading the reduction from **kwargs: mse_loss(y_hat, y, "sum") raises TypeError,
though the signature lets the reduction come by position.

Says (mse_loss): by position
"""


def mse_loss(y_hat, y, **kwargs):
    reduction = kwargs.get("reduction", "mean")
    if reduction not in _REDUCTIONS:
        raise ValueError(f"reduction must be one of {_REDUCTIONS}, got {reduction!r}")
    return _reduce((y_hat - y) ** 2, reduction)
