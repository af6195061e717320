"""mse_loss reduces through .item() and wraps the number in a new tensor: the value is right,
but no gradient flows back to y_hat, so nothing can be trained with it."""


def mse_loss(y_hat, y, reduction="mean"):
    if reduction not in _REDUCTIONS:
        raise ValueError(f"reduction must be one of {_REDUCTIONS}, got {reduction!r}")
    terms = (y_hat - y) ** 2
    if reduction == "none":
        return terms
    value = terms.sum().item() if reduction == "sum" else terms.mean().item()
    return torch.tensor(value, dtype=y_hat.dtype)
