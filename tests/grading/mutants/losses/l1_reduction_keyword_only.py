"""l1_loss with reduction keyword-only (a * before it): l1_loss(y_hat, y, "sum") raises
TypeError, though the signature lets the reduction come by position.

Says (l1_loss): by position
"""


def l1_loss(y_hat, y, *, reduction="mean"):
    if reduction not in _REDUCTIONS:
        raise ValueError(f"reduction must be one of {_REDUCTIONS}, got {reduction!r}")
    return _reduce((y_hat - y).abs(), reduction)
