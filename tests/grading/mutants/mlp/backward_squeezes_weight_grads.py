"""mlp_backward that squeezes dW1 and dW2, which drops their size-1 dimensions when there is
one input feature or one hidden unit.

Says (mlp_backward): a dimension of size 1 was dropped
"""

import torch


def mlp_backward(X, y, W1, b1, W2, b2):
    Z = X @ W1 + b1
    H = torch.relu(Z)
    O = H @ W2 + b2
    Y = torch.nn.functional.one_hot(y, O.shape[1]).to(O.dtype)
    dO = (torch.softmax(O, dim=1) - Y) / X.shape[0]
    dH, dW2, db2 = linear_backward(H, W2, dO)
    _, dW1, db1 = linear_backward(X, W1, relu_backward(Z, dH))
    return dW1.squeeze(), db1, dW2.squeeze(), db2
