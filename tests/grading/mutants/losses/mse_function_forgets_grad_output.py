"""mse_loss whose 'mean' is a torch.autograd.Function with the right local gradient,
2 * (y_hat - y) / numel, but not multiplied by grad_output: right only under loss.backward().

Says (mse_loss): for a number c != 1
"""


class _MSE(torch.autograd.Function):
    @staticmethod
    def forward(ctx, y_hat, y):
        ctx.save_for_backward(y_hat, y)
        return ((y_hat - y) ** 2).mean()

    @staticmethod
    def backward(ctx, grad_output):
        y_hat, y = ctx.saved_tensors
        return 2 * (y_hat - y) / y_hat.numel(), None


def mse_loss(y_hat, y, reduction="mean"):
    if reduction == "none":
        return (y_hat - y) ** 2
    if reduction == "sum":
        return ((y_hat - y) ** 2).sum()
    if reduction == "mean":
        return _MSE.apply(y_hat, y)
    raise ValueError(f"unknown reduction {reduction!r}")
