"""accuracy that treats two classes as a binary problem, predicting class 1 where the second
column exceeds 0.5: right for probabilities, wrong for scores (the docstring allows both), where
the prediction is the argmax. No two-class batch was posed (session 38).

Says (accuracy): two classes
"""


def accuracy(y_hat, y):
    if y_hat.shape[1] == 2:
        predicted = (y_hat[:, 1] > 0.5).long()
    else:
        predicted = y_hat.argmax(dim=1)
    return float((predicted == y).sum()) / len(y)
