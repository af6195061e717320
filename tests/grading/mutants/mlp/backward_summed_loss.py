"""mlp_backward for a summed loss: every gradient n times too large."""

import torch


def mlp_backward(X, y, W1, b1, W2, b2):
    Z = X @ W1 + b1
    H = torch.relu(Z)
    O = H @ W2 + b2
    Y = torch.nn.functional.one_hot(y, O.shape[1]).to(O.dtype)
    dO = torch.softmax(O, dim=1) - Y
    dH, dW2, db2 = linear_backward(H, W2, dO)
    _, dW1, db1 = linear_backward(X, W1, relu_backward(Z, dH))
    return dW1, db1, dW2, db2
