"""DeZero (oreilly-japan/deep-learning-from-scratch-3, dezero/functions.py): Linear.backward,
ReLU.backward; ported to torch."""
import torch


def mlp_forward(X, W1, b1, W2, b2):
    raise NotImplementedError("not in the source")


# dezero/functions.py Linear.backward: gb = sum_to(gy, b.shape); gx = matmul(gy, W.T);
# gW = matmul(x.T, gy)
def linear_backward(X, W, dY):
    gy = dY
    gb = gy.sum(dim=0)  # sum_to(gy, (m,))
    gx = torch.matmul(gy, W.T)
    gW = torch.matmul(X.T, gy)
    return gx, gW, gb


# dezero/functions.py ReLU.backward: mask = x.data > 0; gx = gy * mask
def relu_backward(Z, dH):
    mask = Z > 0
    gx = dH * mask
    return gx


def mlp_backward(X, y, W1, b1, W2, b2):
    raise NotImplementedError("not in the source")


def xavier_uniform_(W, gain=1.0):
    raise NotImplementedError("not in the source")


def he_normal_(W, mode="fan_in"):
    raise NotImplementedError("not in the source")
