"""dropout_layer as a torch.autograd.Function whose forward scales by 1 / (1 - p) but whose
backward scales by 1 / p (cs231n's convention, where p is the keep probability): right only at
p = 0.5, the one rate the gradient was checked at.

Says (dropout_layer): 1 / (1 - p)
"""


class _Dropout(torch.autograd.Function):
    @staticmethod
    def forward(ctx, X, keep, p):
        ctx.save_for_backward(keep)
        ctx.p = p
        return X * keep / (1 - p)

    @staticmethod
    def backward(ctx, grad_output):
        (keep,) = ctx.saved_tensors
        return grad_output * keep / ctx.p, None, None


def dropout_layer(X, dropout):
    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1:
        return torch.zeros_like(X)
    if dropout == 0:
        return X.clone()
    keep = (torch.rand(X.shape) > dropout).to(X.dtype)
    return _Dropout.apply(X, keep, dropout)
