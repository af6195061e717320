"""accuracy treats a single column (q = 1) as a binary score and thresholds it at 0.5, so a
row scored 0.9 predicts class 1; with one column, argmax over dim=1 is class 0 on every row.

Says (accuracy): with no threshold
"""


def accuracy(y_hat, y):
    if y_hat.shape[1] == 1:
        predicted = (y_hat[:, 0] > 0.5).long()
    else:
        predicted = y_hat.argmax(dim=1)
    return float((predicted == y).sum()) / len(y)
