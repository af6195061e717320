"""fast.ai course-v3's mse (nb_02): (output.squeeze(-1) - targ).pow(2).mean(), written for a
(n, 1) output and (n,) targets. With y_hat and y of the same shape (n, 1), the docstring's
case, the difference broadcasts to (n, n). No test used a (n, 1) shape: it kept every point.

Says (mse_loss): lost its last dimension
"""


def mse_loss(y_hat, y, reduction="mean"):
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(f"unknown reduction {reduction!r}")
    if reduction == "mean":
        return (y_hat.squeeze(-1) - y).pow(2).mean()
    terms = (y_hat - y).pow(2)
    return terms if reduction == "none" else terms.sum()
