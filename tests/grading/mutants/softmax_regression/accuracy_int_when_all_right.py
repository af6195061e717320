"""accuracy returns the int 1 when every prediction is right (a shortcut branch that skips the
division), not the Python float the docstring asks for.

Says (accuracy): as a Python float
"""


def accuracy(y_hat, y):
    right = int((y_hat.argmax(dim=1) == y).sum())
    if right == len(y):
        return 1
    return right / len(y)
