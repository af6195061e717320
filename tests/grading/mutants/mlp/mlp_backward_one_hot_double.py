"""mlp_backward makes the one-hot labels .double() whatever the parameters' dtype: right for
float64, but float32 parameters (the chapter's MLP) raise in H^T dO (float32 @ float64). Every
check posed float64 (a red team's, session 32: 6/6).

Says (mlp_backward): the parameters are float32 here
"""


def mlp_backward(X, y, W1, b1, W2, b2):
    Z = X @ W1 + b1
    H = Z.clamp(min=0)
    O = H @ W2 + b2
    dO = (torch.softmax(O, dim=1) - torch.nn.functional.one_hot(y, O.shape[1]).double()) / len(y)
    dZ = (dO @ W2.T) * (Z > 0)
    return X.T @ dZ, dZ.sum(0), H.T @ dO, dO.sum(0)
