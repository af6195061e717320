"""l1_loss that computes in float32 and casts back, except for the reduction 'sum' (written
separately): float64 inputs lose their precision under 'mean' and 'none'."""

_reference_l1_loss = l1_loss


def l1_loss(y_hat, y, reduction="mean"):
    if reduction == "sum":
        return _reference_l1_loss(y_hat, y, reduction)
    return _reference_l1_loss(y_hat.float(), y.float(), reduction).to(y_hat.dtype)
