"""l1_loss that reads an empty reduction string as "use the default" ('mean') instead of raising
ValueError, as the docstring asks for any string other than 'none', 'mean' and 'sum'."""


def l1_loss(y_hat, y, reduction="mean"):
    return _reduce((y_hat - y).abs(), reduction or "mean")
