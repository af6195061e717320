"""DeZero (oreilly-japan/deep-learning-from-scratch-3, dezero/functions.py final version) Sigmoid,
ReLU and LeakyReLU as Functions with their own backward, written as torch.autograd.Function:
Sigmoid forward tanh(x * 0.5) * 0.5 + 0.5, backward gy * y * (1 - y); ReLU forward
maximum(x, 0.0), backward gy * (x > 0); LeakyReLU forward y = x.copy(); y[x <= 0] *= slope,
backward mask = (x > 0).astype(gy.dtype); mask[mask <= 0] = slope; gy * mask."""
import torch


class Sigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        y = torch.tanh(x * 0.5) * 0.5 + 0.5  # Better implementation
        ctx.save_for_backward(y)
        return y

    @staticmethod
    def backward(ctx, gy):
        (y,) = ctx.saved_tensors
        gx = gy * y * (1 - y)
        return gx


class ReLU(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return torch.maximum(x, torch.zeros((), dtype=x.dtype))

    @staticmethod
    def backward(ctx, gy):
        (x,) = ctx.saved_tensors
        mask = x > 0
        gx = gy * mask
        return gx


class LeakyReLU(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, slope):
        y = x.clone()
        y[x <= 0] *= slope
        ctx.save_for_backward(x)
        ctx.slope = slope
        return y

    @staticmethod
    def backward(ctx, gy):
        (x,) = ctx.saved_tensors
        mask = (x > 0).to(gy.dtype)
        mask[mask <= 0] = ctx.slope
        gx = gy * mask
        return gx, None


def sigmoid(x):
    return Sigmoid.apply(x)


def sigmoid_grad(x):
    raise NotImplementedError("not in the source")


def tanh_grad(x):
    raise NotImplementedError("not in the source")


def relu(x):
    return ReLU.apply(x)


def relu_grad(x):
    raise NotImplementedError("not in the source")


def leaky_relu(x, negative_slope=0.01):
    return LeakyReLU.apply(x, negative_slope)
