"""squared_loss as a torch.autograd.Function whose backward returns y_hat - y, the gradient of
the losses' sum, without multiplying by grad_output: right under .sum() only, wrong for a mean
or a weighted loss (session 33: kept every point).

Says (squared_loss): for random weights
"""


class _Squared(torch.autograd.Function):
    @staticmethod
    def forward(ctx, y_hat, y):
        diff = y_hat - y.reshape(y_hat.shape)
        ctx.save_for_backward(diff)
        ctx.y_shape = y.shape
        return diff**2 / 2

    @staticmethod
    def backward(ctx, grad_output):
        (diff,) = ctx.saved_tensors
        return diff, -diff.reshape(ctx.y_shape)


def squared_loss(y_hat, y):
    return _Squared.apply(y_hat, y)
