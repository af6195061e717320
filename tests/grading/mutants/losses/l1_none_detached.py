"""l1_loss that computes reductions 'none' and 'sum' on detached tensors (values through
.detach()): no gradient flows, and no check differentiated them (session 33: kept every point).

Says (l1_loss): No gradient flows from l1_loss(y_hat, y, reduction='none')
"""


def l1_loss(y_hat, y, reduction="mean"):
    if reduction not in _REDUCTIONS:
        raise ValueError(f"reduction must be one of {_REDUCTIONS}, got {reduction!r}")
    if reduction == "mean":
        return (y_hat - y).abs().mean()
    return _reduce((y_hat.detach() - y.detach()).abs(), reduction)
