"""Accuracy that returns the number of correct predictions instead of the fraction."""


def accuracy(y_hat, y):
    return float((y_hat.argmax(dim=1) == y).sum())
