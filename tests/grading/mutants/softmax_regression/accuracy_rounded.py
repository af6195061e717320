"""accuracy rounded to four decimals: right for every fraction with a short decimal form."""


def accuracy(y_hat, y):
    return round(float((y_hat.argmax(dim=1) == y).float().mean()), 4)
