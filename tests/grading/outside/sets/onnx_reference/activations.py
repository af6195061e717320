"""ONNX's reference implementation (onnx/reference/ops): op_sigmoid.py (two branches filled by
masks into an empty_like), op_relu.py (np.maximum(x, 0)), op_leaky_relu.py (a sign tensor
built from (x > 0) and alpha). NumPy ops written with torch's of the same name."""
import torch


def sigmoid(x):
    result = torch.empty_like(x)
    result[x > 0] = 1 / (1 + torch.exp(-x[x > 0]))
    result[x <= 0] = torch.exp(x[x <= 0]) / (1 + torch.exp(x[x <= 0]))
    return result


def sigmoid_grad(x):
    raise NotImplementedError("not in the source")


def tanh_grad(x):
    raise NotImplementedError("not in the source")


def relu(x):
    return torch.maximum(x, torch.zeros((), dtype=x.dtype)).to(x.dtype)  # np.maximum(x, 0)


def relu_grad(x):
    raise NotImplementedError("not in the source")


def _leaky_relu(x, alpha):
    sign = (x > 0).to(x.dtype)
    sign -= ((sign - 1) * alpha).to(x.dtype)
    return x * sign


def leaky_relu(x, negative_slope=0.01):
    alpha = negative_slope  # LeakyRelu._run: alpha = alpha or self.alpha
    return _leaky_relu(x, alpha).to(x.dtype)
