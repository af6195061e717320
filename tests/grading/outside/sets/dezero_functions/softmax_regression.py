"""DeZero dezero/functions.py Softmax(axis=1) as a Function with its own backward: forward y = x -
x.max(axis, keepdims=True); y = exp(y); y /= y.sum(axis, keepdims=True); backward gx = y * gy;
sumdx = gx.sum(axis, keepdims=True); gx -= y * sumdx."""
import torch


class Softmax(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, axis=1):
        y = x - x.max(dim=axis, keepdim=True).values
        y = torch.exp(y)
        y /= y.sum(dim=axis, keepdim=True)
        ctx.save_for_backward(y)
        ctx.axis = axis
        return y

    @staticmethod
    def backward(ctx, gy):
        (y,) = ctx.saved_tensors
        gx = y * gy
        sumdx = gx.sum(dim=ctx.axis, keepdim=True)
        gx -= y * sumdx
        return gx, None


def softmax(X):
    return Softmax.apply(X, 1)


def cross_entropy(y_hat, y):
    raise NotImplementedError("not in the source")


def accuracy(y_hat, y):
    raise NotImplementedError("not in the source")


def one_hot(y, num_classes):
    raise NotImplementedError("not in the source")


def entropy(p):
    raise NotImplementedError("not in the source")
