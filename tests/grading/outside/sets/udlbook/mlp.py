"""udlbook/udlbook (MIT), notebook 7.2 "Backpropagation", a reader's solution: the backward
pass through a ReLU, all_dl_df[layer-1] = indicator_function(all_f[layer-1]) * all_dl_dh[layer],
with the indicator 1 where f > 0. See README.md."""
import numpy as np
import torch


def mlp_forward(X, W1, b1, W2, b2):
    raise NotImplementedError("not in the source")


def linear_backward(X, W, dY):
    raise NotImplementedError("not in the source")


def _indicator_function(x):
    x_in = np.array(x)
    x_in[x_in > 0] = 1
    x_in[x_in <= 0] = 0
    return x_in


def relu_backward(Z, dH):
    all_f, all_dl_dh = Z.numpy(), dH.numpy()
    return torch.from_numpy(_indicator_function(all_f) * all_dl_dh)


def mlp_backward(X, y, W1, b1, W2, b2):
    raise NotImplementedError("not in the source")


def xavier_uniform_(W, gain=1.0):
    raise NotImplementedError("not in the source")


def he_normal_(W, mode="fan_in"):
    raise NotImplementedError("not in the source")
