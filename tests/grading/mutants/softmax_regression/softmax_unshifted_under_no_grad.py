"""softmax that skips the max shift under torch.no_grad() ("only training needs stable
gradients"): exp(1000.) overflows in evaluation.

Says (softmax): torch.no_grad() (an evaluation loop's)
"""


def softmax(X):
    if not torch.is_grad_enabled():
        e = torch.exp(X)
    else:
        e = torch.exp(X - X.max(dim=1, keepdim=True).values)
    return e / e.sum(dim=1, keepdim=True)
