"""mlp_backward computes in float32 (.float()) and returns float32 gradients for float64 inputs.

Says (mlp_backward): cast back
"""


def mlp_backward(X, y, W1, b1, W2, b2):
    X, W1, b1, W2, b2 = (t.float() for t in (X, W1, b1, W2, b2))
    Z = X @ W1 + b1
    H = Z.clamp(min=0)
    O = H @ W2 + b2
    dO = (torch.softmax(O, dim=1) - torch.nn.functional.one_hot(y, O.shape[1]).float()) / len(y)
    dZ = (dO @ W2.T) * (Z > 0)
    return X.T @ dZ, dZ.sum(0), H.T @ dO, dO.sum(0)
