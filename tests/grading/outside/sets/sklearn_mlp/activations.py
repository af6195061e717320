"""scikit-learn sklearn/neural_network/_base.py (ACTIVATIONS and DERIVATIVES, in-place NumPy
functions) ported to torch. The in-place forms run on a copy, as MLP._forward_pass runs them on
the activations it allocated; each derivative multiplies a delta of ones, as _backprop does."""
import torch


def sigmoid(x):
    raise NotImplementedError("not in the source")  # sklearn calls scipy.special.expit


def sigmoid_grad(x):
    raise NotImplementedError("not in the source")


# _base.py inplace_tanh (np.tanh(X, out=X)) + inplace_tanh_derivative: delta *= 1 - Z ** 2
def tanh_grad(x):
    Z = x.clone()
    torch.tanh(Z, out=Z)
    delta = torch.ones_like(x)
    delta *= 1 - Z**2
    return delta


# _base.py inplace_relu: np.maximum(X, 0, out=X)
def relu(x):
    raise NotImplementedError("left out: np.maximum(X, 0, out=X) becomes an out= call autograd refuses")


# _base.py inplace_relu_derivative: delta[Z == 0] = 0, Z being relu's output
def relu_grad(x):
    Z = x.clone()  # inplace_relu's np.maximum(X, 0, out=X), on the forward pass's copy
    torch.maximum(Z, torch.zeros((), dtype=Z.dtype), out=Z)
    delta = torch.ones_like(x)
    delta[Z == 0] = 0
    return delta


def leaky_relu(x, negative_slope=0.01):
    raise NotImplementedError("not in the source")
