"""accuracy divides with //: the fraction rounds down to 0 (or 1 when every prediction is
right)."""


def accuracy(y_hat, y):
    return int((y_hat.argmax(dim=1) == y).sum()) // len(y)
