"""mse_loss whose 'mean' divides the sum by len(y), the number of rows, not by the number of
elements: right for vectors only. It was told only 'Your values are 3 times the expected ones'.

Says (mse_loss): divide by y.numel()
"""


def mse_loss(y_hat, y, reduction="mean"):
    squares = (y_hat - y) ** 2
    if reduction == "none":
        return squares
    if reduction == "sum":
        return squares.sum()
    if reduction == "mean":
        return squares.sum() / len(y)
    raise ValueError(f"unknown reduction {reduction!r}")
