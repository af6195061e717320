"""squared_loss does not reshape y, so (n, 1) - (n,) broadcasts to (n, n)."""


def squared_loss(y_hat, y):
    return (y_hat - y) ** 2 / 2
