"""l1_loss that strips spaces from the reduction's name: " sum" is not one of the three names
(torch raises ValueError for it too)."""


def l1_loss(y_hat, y, reduction="mean"):
    diff = (y_hat - y).abs()
    name = reduction.strip()
    if name == "none":
        return diff
    if name == "mean":
        return diff.mean()
    if name == "sum":
        return diff.sum()
    raise ValueError(f"unknown reduction {reduction!r}")
