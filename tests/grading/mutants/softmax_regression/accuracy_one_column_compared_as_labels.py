"""accuracy (d2l's) takes the argmax only when q > 1: one column's scores, cast to int, are
compared with y as labels, and the (n, 1) column against y of shape (n,) broadcasts to an
(n, n) table, so 3 rows scored [[0.9], [1.4], [0.3]] with labels 0 give 6 / 3 = 2.0.

Says (accuracy): an (n, n) table of comparisons
"""


def accuracy(y_hat, y):
    if len(y_hat.shape) > 1 and y_hat.shape[1] > 1:
        y_hat = y_hat.argmax(axis=1)
    cmp = y_hat.type(y.dtype) == y
    return float(cmp.type(y.dtype).sum()) / len(y)
