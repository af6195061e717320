"""mlp_backward sums the bias gradients with keepdim=True (cs231n's neural-networks case study,
db2 = np.sum(dscores, axis=0, keepdims=True)): db1 and db2 have shape (1, h) and (1, q), not
the biases' (h,) and (q,). A dimension was added, not dropped.

Says (mlp_backward): a dimension of size 1 was added (a sum with keepdim=True?)
"""

import torch


def mlp_backward(X, y, W1, b1, W2, b2):
    Z = X @ W1 + b1
    H = torch.relu(Z)
    O = H @ W2 + b2
    dO = (torch.softmax(O, dim=1) - torch.nn.functional.one_hot(y, O.shape[1]).to(O.dtype))
    dO = dO / X.shape[0]
    dZ = (dO @ W2.T) * (Z > 0).to(dO.dtype)
    return X.T @ dZ, dZ.sum(0, keepdim=True), H.T @ dO, dO.sum(0, keepdim=True)
