"""mlp_backward whose softmax subtracts the row maxima only when some logit is positive: logits
all far below 0 underflow to 0 / 0 = nan.

Says (mlp_backward): on every row and always
"""


def mlp_backward(X, y, W1, b1, W2, b2):
    Z = X @ W1 + b1
    H = torch.relu(Z)
    O = H @ W2 + b2
    if O.max() > 0:
        O = O - O.max(dim=1, keepdim=True).values
    E = torch.exp(O)
    P = E / E.sum(dim=1, keepdim=True)
    Y = torch.nn.functional.one_hot(y, O.shape[1]).to(O.dtype)
    dO = (P - Y) / X.shape[0]
    dH, dW2, db2 = linear_backward(H, W2, dO)
    _, dW1, db1 = linear_backward(X, W1, relu_backward(Z, dH))
    return dW1, db1, dW2, db2
