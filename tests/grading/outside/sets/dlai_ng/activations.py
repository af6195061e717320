"""Andrew Ng's Deep Learning Specialization (deeplearning.ai), Course 1 week 4 dnn_utils.py:
sigmoid (A = 1/(1+np.exp(-Z))), relu (A = np.maximum(0,Z)), relu_backward (dZ = np.array(dA,
copy=True); dZ[Z <= 0] = 0), sigmoid_backward (s = 1/(1+np.exp(-Z)); dZ = dA * s * (1-s)),
with dA = 1 for the *_grad functions. Ported to torch."""
import torch


def sigmoid(x):
    raise NotImplementedError("left out: 1 / (1 + exp(-Z)): NaN gradient at -1000")


def sigmoid_grad(x):
    Z, dA = x, torch.ones_like(x)
    s = 1 / (1 + torch.exp(-Z))
    dZ = dA * s * (1 - s)
    return dZ


def tanh_grad(x):
    raise NotImplementedError("not in the source")


def relu(x):
    Z = x
    A = torch.maximum(torch.zeros((), dtype=Z.dtype), Z)
    return A


def relu_grad(x):
    Z, dA = x, torch.ones_like(x)
    dZ = dA.clone()  # np.array(dA, copy=True)
    dZ[Z <= 0] = 0
    return dZ


def leaky_relu(x, negative_slope=0.01):
    raise NotImplementedError("not in the source")
