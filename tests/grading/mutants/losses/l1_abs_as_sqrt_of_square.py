"""l1_loss with |d| written as sqrt(d ** 2): right values, and a gradient that is nan wherever
y_hat == y (0 / 0). No check posed a prediction exactly right (session 32: 38/38).

Says (l1_loss): where y_hat == y
"""


def l1_loss(y_hat, y, reduction="mean"):
    loss = torch.sqrt((y_hat - y) ** 2)
    if reduction == "none":
        return loss
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    raise ValueError(f"unknown reduction {reduction!r}")
