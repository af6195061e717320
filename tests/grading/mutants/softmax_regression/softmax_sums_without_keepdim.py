"""softmax divided by X_exp.sum(1) without keepdim (TensorFlow's reduce_sum and JAX's sum drop
the axis): a size error for non-square batches, columns divided by row sums for square ones.
The message showed torch's size error, then "divide each row's exponentials by that row's sum",
which the code meant to do.

Says (softmax): keepdim=True
"""


def softmax(X):
    X_exp = torch.exp(X - X.max(dim=1, keepdim=True).values)
    return X_exp / X_exp.sum(1)
