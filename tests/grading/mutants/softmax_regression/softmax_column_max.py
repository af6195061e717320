"""softmax subtracts each column's maximum (amax over dim=0) and then normalises the rows: the
rows sum to 1, but the shift differs from entry to entry of a row, so it does not cancel (and
a row far below its column maxima still underflows).

Says (softmax): each COLUMN's maximum
"""


def softmax(X):
    E = (X - X.amax(dim=0, keepdim=True)).exp()
    return E / E.sum(dim=1, keepdim=True)
