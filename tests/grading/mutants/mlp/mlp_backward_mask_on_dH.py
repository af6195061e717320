"""mlp_backward that masks the hidden gradient with dH > 0 instead of Z > 0: the output layer is
right and the hidden layer wrong; the message now says where the mistake lies.

Says (mlp_backward): the mistake is in the hidden layer
"""

import torch


def mlp_backward(X, y, W1, b1, W2, b2):
    Z = X @ W1 + b1
    H = Z.clamp(min=0)
    P = torch.softmax(H @ W2 + b2, dim=1)
    P[torch.arange(len(y)), y] -= 1
    dO = P / len(y)
    dH = dO @ W2.T
    dZ = dH * (dH > 0)
    return X.T @ dZ, dZ.sum(0), H.T @ dO, dO.sum(0)
