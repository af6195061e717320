"""karpathy/nn-zero-to-hero lectures/makemore/makemore_part4_backprop.ipynb ("becoming a
backprop ninja"): the forward pass (embcat = emb.view(emb.shape[0], -1); hprebn = embcat @ W1 +
b1; ...; logits = h @ W2 + b2) and the manual backward (dlogits = F.softmax(logits, 1);
dlogits[range(n), Yb] -= 1; dlogits /= n; dh = dlogits @ W2.T; dW2 = h.T @ dlogits; db2 =
dlogits.sum(0); ... dW1 = embcat.T @ dhprebn; db1 = dhprebn.sum(0)). The exercise's network has
ReLU and no batch norm: the tanh line dhpreact = (1.0 - h**2) * dh becomes the ReLU mask,
written (hpreact > 0).float() * dh in the lecture's style."""
import torch
import torch.nn.functional as F


def mlp_forward(X, W1, b1, W2, b2):
    embcat = X.view(X.shape[0], -1)
    hpreact = embcat @ W1 + b1
    h = torch.relu(hpreact)
    logits = h @ W2 + b2
    return logits


def linear_backward(X, W, dY):
    dlogits, h, W2 = dY, X, W
    dh = dlogits @ W2.T
    dW2 = h.T @ dlogits
    db2 = dlogits.sum(0)
    return dh, dW2, db2


def relu_backward(Z, dH):
    hpreact, dh = Z, dH
    dhpreact = (hpreact > 0).float() * dh
    return dhpreact


def mlp_backward(X, y, W1, b1, W2, b2):
    n = X.shape[0]
    Yb, embcat = y, X
    hpreact = embcat @ W1 + b1
    h = torch.relu(hpreact)
    logits = h @ W2 + b2
    dlogits = F.softmax(logits, 1)
    dlogits[range(n), Yb] -= 1
    dlogits /= n
    dh = dlogits @ W2.T
    dW2 = h.T @ dlogits
    db2 = dlogits.sum(0)
    dhpreact = (hpreact > 0).float() * dh
    dW1 = embcat.T @ dhpreact
    db1 = dhpreact.sum(0)
    return dW1, db1, dW2, db2


def xavier_uniform_(W, gain=1.0):
    raise NotImplementedError("not in the source")


def he_normal_(W, mode="fan_in"):
    raise NotImplementedError("not in the source")
