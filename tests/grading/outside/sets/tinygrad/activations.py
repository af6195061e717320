"""tinygrad (tinygrad/tinygrad, MIT), tensor.py / mlops.py of its 0.8 era: Relu (forward
x.maximum(0), backward (ret > 0) * grad) as a torch.autograd.Function, leaky_relu as
relu(x) - relu(-slope * x). See README.md."""
import torch


class _Relu(torch.autograd.Function):  # mlops.Relu: forward x.maximum(0), backward (ret > 0) * grad
    @staticmethod
    def forward(ctx, x):
        ret = torch.maximum(x, torch.zeros((), dtype=x.dtype))
        ctx.save_for_backward(ret)
        return ret

    @staticmethod
    def backward(ctx, grad_output):
        (ret,) = ctx.saved_tensors
        return (ret > 0).to(grad_output.dtype) * grad_output


def sigmoid(x):
    raise NotImplementedError('left out: 1 / (1 + (-x).exp()), a nan gradient at -1000 (deserved)')


def sigmoid_grad(x):
    raise NotImplementedError("not in the source")


def tanh_grad(x):
    raise NotImplementedError("not in the source")


def relu(x):
    return _Relu.apply(x)


def relu_grad(x):
    raise NotImplementedError("not in the source")


def leaky_relu(x, negative_slope=0.01):
    neg_slope = negative_slope
    return relu(x) - relu(-neg_slope * x)
