"""CS231n assignment 2 style: backward passes in NumPy, converted back; np.random.randn init."""
import numpy as np
import torch


def mlp_forward(X, W1, b1, W2, b2):
    X = X.reshape(X.shape[0], -1)
    return torch.clamp(X @ W1 + b1, min=0) @ W2 + b2


def linear_backward(X, W, dY):
    x, w, dout = X.numpy(), W.numpy(), dY.numpy()
    dx = dout.dot(w.T)
    dw = x.T.dot(dout)
    db = np.sum(dout, axis=0)
    return torch.from_numpy(dx), torch.from_numpy(dw), torch.from_numpy(db)


def relu_backward(Z, dH):
    dx = dH.numpy().copy()
    dx[Z.numpy() <= 0] = 0
    return torch.from_numpy(dx)


def mlp_backward(X, y, W1, b1, W2, b2):
    Xn, yn = X.numpy(), y.numpy()
    W1n, b1n, W2n, b2n = W1.numpy(), b1.numpy(), W2.numpy(), b2.numpy()
    N = Xn.shape[0]
    Z = Xn.dot(W1n) + b1n
    H = np.maximum(0, Z)
    scores = H.dot(W2n) + b2n
    scores = scores - scores.max(axis=1, keepdims=True)
    probs = np.exp(scores)
    probs /= probs.sum(axis=1, keepdims=True)
    dscores = probs.copy()
    dscores[np.arange(N), yn] -= 1
    dscores /= N
    dW2 = H.T.dot(dscores)
    db2 = dscores.sum(axis=0)
    dH = dscores.dot(W2n.T)
    dH[Z <= 0] = 0
    dW1 = Xn.T.dot(dH)
    db1 = dH.sum(axis=0)
    return tuple(torch.from_numpy(a) for a in (dW1, db1, dW2, db2))


def xavier_uniform_(W, gain=1.0):
    fan_out, fan_in = W.shape
    a = gain * np.sqrt(6.0 / (fan_in + fan_out))
    with torch.no_grad():
        W.uniform_(-a, a)
    return W


def he_normal_(W, mode="fan_in"):
    receptive = int(np.prod(W.shape[2:]))
    if mode == "fan_in":
        fan = W.shape[1] * receptive
    elif mode == "fan_out":
        fan = W.shape[0] * receptive
    else:
        raise ValueError("unknown mode " + str(mode))
    with torch.no_grad():
        W.normal_(0, np.sqrt(2.0 / fan))
    return W
