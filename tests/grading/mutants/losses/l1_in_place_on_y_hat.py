"""l1_loss computes y_hat -= y and abs_() on the caller's tensor: right values, inputs destroyed.

Says (l1_loss): y_hat passed to l1_loss was modified in place
"""


def l1_loss(y_hat, y, reduction="mean"):
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(reduction)
    y_hat -= y
    y_hat.abs_()
    return {"none": lambda t: t.clone(), "mean": torch.mean, "sum": torch.sum}[reduction](y_hat)
