"""mse_loss that falls back to 'mean' for a falsy reduction (None or ''), so the empty string is
accepted where the docstring asks for a ValueError."""


def mse_loss(y_hat, y, reduction="mean"):
    if not reduction:
        reduction = "mean"
    return _reduce((y_hat - y) ** 2, reduction)
