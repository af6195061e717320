"""micrograd / fast.ai lesson 13 style: Lin and Relu classes with forward and backward."""
import math


class Lin:
    def __init__(self, w, b=None):
        self.w, self.b = w, b

    def __call__(self, inp):
        self.inp = inp
        self.out = inp @ self.w + (self.b if self.b is not None else 0)
        return self.out

    def backward(self, dout):
        return dout @ self.w.t(), self.inp.t() @ dout, dout.sum(0)


class Relu:
    def __call__(self, inp):
        self.inp = inp
        self.out = inp.clamp_min(0.)
        return self.out

    def backward(self, dout):
        return (self.inp > 0).float().to(dout.dtype) * dout


def mlp_forward(X, W1, b1, W2, b2):
    layers = [lambda x: x.view(x.shape[0], -1), Lin(W1, b1), Relu(), Lin(W2, b2)]
    for layer in layers:
        X = layer(X)
    return X


def linear_backward(X, W, dY):
    lin = Lin(W)
    lin(X)
    return lin.backward(dY)


def relu_backward(Z, dH):
    r = Relu()
    r(Z)
    return r.backward(dH)


class Model:
    """fast.ai's Model: its backward hands the gradient to each layer's own backward."""

    def __init__(self, *layers):
        self.layers = layers

    def __call__(self, x):
        for layer in self.layers:
            x = layer(x)
        return x

    def backward(self, dout):
        grads = []
        for layer in reversed(self.layers):
            out = layer.backward(dout)
            if isinstance(out, tuple):
                dout, *mine = out
                grads = mine + grads
            else:
                dout = out
        return grads


def mlp_backward(X, y, W1, b1, W2, b2):
    model = Model(Lin(W1, b1), Relu(), Lin(W2, b2))
    out = model(X)
    sm = (out - out.logsumexp(-1, keepdim=True)).exp()
    sm[range(len(y)), y] -= 1
    dW1, db1, dW2, db2 = model.backward(sm / len(y))
    return dW1, db1, dW2, db2


def xavier_uniform_(W, gain=1.0):
    a = gain * math.sqrt(6 / sum(W.shape))
    W.data.uniform_(-a, a)
    return W


def he_normal_(W, mode="fan_in"):
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(mode)
    rf = W[0][0].numel()
    fan = W.shape[1 if mode == "fan_in" else 0] * rf
    W.data.normal_(0, math.sqrt(2 / fan))
    return W
