"""mse_loss whose elementwise squares (reduction 'none', and the 'sum' of them) are a
torch.autograd.Function with backward 2 * (y_hat - y), not multiplied by grad_output: right
under .sum() only. Only 'mean' was checked with another upstream, and 'none' and 'sum' had no
gradient check at all (session 33: kept every point).

Says (mse_loss): reduction='none'
"""


class _Squares(torch.autograd.Function):
    @staticmethod
    def forward(ctx, y_hat, y):
        ctx.save_for_backward(y_hat, y)
        return (y_hat - y) ** 2

    @staticmethod
    def backward(ctx, grad_output):
        y_hat, y = ctx.saved_tensors
        return 2 * (y_hat - y), None


def mse_loss(y_hat, y, reduction="mean"):
    if reduction not in _REDUCTIONS:
        raise ValueError(f"reduction must be one of {_REDUCTIONS}, got {reduction!r}")
    if reduction == "mean":
        return ((y_hat - y) ** 2).mean()
    return _reduce(_Squares.apply(y_hat, y), reduction)
