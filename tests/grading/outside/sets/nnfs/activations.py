"""Neural Networks from Scratch (Kinsley, Kukiela; Sentdex/nnfs_book, Chapter_15/Ch15_Final.py):
Activation_ReLU.forward (np.maximum(0, inputs)). See README.md."""
import torch


def sigmoid(x):
    raise NotImplementedError('left out: Activation_Sigmoid is 1 / (1 + np.exp(-inputs)), a nan gradient at -1000')


def sigmoid_grad(x):
    raise NotImplementedError("not in the source")


def tanh_grad(x):
    raise NotImplementedError("not in the source")


def relu(x):
    return torch.maximum(torch.zeros((), dtype=x.dtype), x)


def relu_grad(x):
    raise NotImplementedError("not in the source")


def leaky_relu(x, negative_slope=0.01):
    raise NotImplementedError("not in the source")
