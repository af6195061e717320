"""softmax that exponentiates and normalises in place (exp_, /=) a tensor that autograd saved:
the values are right, the backward pass fails.

Says (softmax): use the out-of-place form
"""


def softmax(X):
    Z = X - X.max(dim=1, keepdim=True).values
    Z.exp_()
    Z /= Z.sum(dim=1, keepdim=True)
    return Z
