"""NumPy-first: derivatives in NumPy, converted back (np.asarray keeps a 0-dim result an array:
numpy ufuncs return numpy scalars for 0-dim input); torch where autograd is needed."""
import numpy as np
import torch

LOG_EPS = np.finfo(np.float32).eps


def sigmoid(x):
    z = torch.exp(torch.where(x >= 0, -x, x))  # -|x|, its sign chosen with the branch
    return torch.where(x >= 0, 1 / (1 + z), z / (1 + z))


def sigmoid_grad(x):
    # CS231n keeps the derivative in numpy; converted back to the input's dtype.
    xn = x.detach().numpy()
    s = np.exp(-np.logaddexp(0, -xn))
    return torch.from_numpy(np.asarray(s * (1 - s))).to(x.dtype)


def tanh_grad(x):
    return torch.from_numpy(np.asarray(1 - np.tanh(x.numpy()) ** 2))


def relu(x):
    return x * (x > 0)


def relu_grad(x):
    return torch.from_numpy(np.asarray(x.numpy() > 0, dtype=x.numpy().dtype))


def leaky_relu(x, negative_slope=0.01):
    return torch.where(x > 0, x, negative_slope * x)
