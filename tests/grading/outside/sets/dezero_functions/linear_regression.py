"""DeZero dezero/functions.py Linear as a Function (forward y = x.dot(W) + b; backward gb =
sum_to(gy, b.shape); gx = matmul(gy, W.T); gW = matmul(x.T, gy)) with dezero/utils.py sum_to
(sum the leading axes away and the axes where the target shape is 1, keepdims, then squeeze
the lead)."""
import torch


def _sum_to(x, shape):
    ndim = len(shape)
    lead = x.ndim - ndim
    lead_axis = tuple(range(lead))
    axis = tuple([i + lead for i, sx in enumerate(shape) if sx == 1])
    y = x.sum(dim=lead_axis + axis, keepdim=True) if lead_axis + axis else x
    if lead > 0:
        y = y.squeeze(lead_axis)
    return y


class Linear(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, W, b):
        y = x.matmul(W)
        if b is not None:
            y = y + b
        ctx.save_for_backward(x, W, b)
        return y

    @staticmethod
    def backward(ctx, gy):
        x, W, b = ctx.saved_tensors
        gb = None if b is None else _sum_to(gy, b.shape)
        gx = torch.matmul(gy, W.T)
        gW = torch.matmul(x.T, gy)
        return gx, gW, gb


def synthetic_data(w, b, num_examples):
    raise NotImplementedError("not in the source")


def data_iter(batch_size, features, labels):
    raise NotImplementedError("not in the source")


def linreg(X, w, b):
    return Linear.apply(X, w, b)


def squared_loss(y_hat, y):
    raise NotImplementedError("not in the source")


def sgd(params, lr, batch_size):
    raise NotImplementedError("not in the source")


def closed_form(X, y):
    raise NotImplementedError("not in the source")
