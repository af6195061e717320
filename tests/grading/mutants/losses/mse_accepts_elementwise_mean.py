"""mse_loss that also accepts 'elementwise_mean', the old PyTorch name of 'mean', instead of
raising ValueError for a reduction outside 'none', 'mean' and 'sum'."""


def mse_loss(y_hat, y, reduction="mean"):
    aliases = {"elementwise_mean": "mean"}
    return _reduce((y_hat - y) ** 2, aliases.get(reduction, reduction))
