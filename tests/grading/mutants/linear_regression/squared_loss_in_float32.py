"""squared_loss that casts to float32 ((y_hat - y).float() ** 2 / 2): float64 predictions give
float32 losses."""


def squared_loss(y_hat, y):
    return (y_hat - y.reshape(y_hat.shape)).float() ** 2 / 2
