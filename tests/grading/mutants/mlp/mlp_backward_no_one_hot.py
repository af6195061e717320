"""mlp_backward that starts from dO = softmax(O) / n, forgetting to subtract the one-hot labels.
It was told only that dW1 was off (the gradient farthest from the mistake), with no word on
where to look; the output layer is now compared first.

Says (mlp_backward): subtract the one-hot labels
"""

import torch


def mlp_backward(X, y, W1, b1, W2, b2):
    Z = X @ W1 + b1
    H = torch.relu(Z)
    O = H @ W2 + b2
    dO = torch.softmax(O, dim=1) / X.shape[0]
    dH, dW2, db2 = linear_backward(H, W2, dO)
    _, dW1, db1 = linear_backward(X, W1, relu_backward(Z, dH))
    return dW1, db1, dW2, db2
