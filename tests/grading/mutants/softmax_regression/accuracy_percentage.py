"""Accuracy as a percentage, correct.float().sum() * 100. / batch_size, as timm's
timm/utils/metrics.py accuracy() reports top-k accuracy; the message only said "expected 0.75,
got 75.0" before session 32.

Says (accuracy): a PERCENTAGE
"""


def accuracy(y_hat, y):
    correct = y_hat.argmax(dim=1).eq(y)
    return float(correct.float().sum() * 100.0 / y.size(0))
