"""l2_penalty as (w @ w.T).sum() / 2: for a vector it is right, for a matrix it sums the
products of different entries too. It was told only the values.

Says (l2_penalty): sums a matrix product
"""


def l2_penalty(w):
    return (w @ w.T).sum() / 2
