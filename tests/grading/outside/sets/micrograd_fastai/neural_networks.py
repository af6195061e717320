"""Karpathy's micrograd: a tiny scalar Value with its own backward, used for sigmoid_grad_chain."""
import math

import torch


def feed_forward(inputs, outputs, weights):
    W1, b1, W2, b2 = weights
    sig = lambda z: 1 / (1 + (-z).exp())
    return (sig(inputs @ W1 + b1) @ W2 + b2 - outputs).pow(2).mean()


def numerical_gradient(inputs, outputs, weights, eps=1e-4):
    f = lambda ws: feed_forward(inputs, outputs, ws)

    def partial_(k, i):
        def nudged(delta):
            w = weights[k].clone()
            w.view(-1)[i] += delta
            return f(weights[:k] + [w] + weights[k + 1:])
        return (nudged(eps) - nudged(-eps)) / (2 * eps)

    return [
        torch.stack([partial_(k, i) for i in range(w.numel())]).view_as(w)
        for k, w in enumerate(weights)
    ]


class Value:
    def __init__(self, data, children=(), local_grads=()):
        self.data, self.grad = data, 0.0
        self._children, self._local = children, local_grads

    def __add__(self, o):
        o = o if isinstance(o, Value) else Value(o)
        return Value(self.data + o.data, (self, o), (1.0, 1.0))

    __radd__ = __add__

    def __mul__(self, o):
        o = o if isinstance(o, Value) else Value(o)
        return Value(self.data * o.data, (self, o), (o.data, self.data))

    __rmul__ = __mul__

    def __neg__(self):
        return self * -1

    def __sub__(self, o):
        return self + (-o)

    def __rsub__(self, o):
        return Value(o) - self

    def __pow__(self, k):
        return Value(self.data ** k, (self,), (k * self.data ** (k - 1),))

    def sigmoid(self):
        s = 1 / (1 + math.exp(-self.data))
        return Value(s, (self,), (s * (1 - s),))

    def backward(self):
        order, seen = [], set()

        def build(v):
            if id(v) not in seen:
                seen.add(id(v))
                for c in v._children:
                    build(c)
                order.append(v)

        build(self)
        self.grad = 1.0
        for v in reversed(order):
            for c, lg in zip(v._children, v._local):
                c.grad += lg * v.grad


def sigmoid_grad_chain(x, y, W1, W2):
    xs = [float(v) for v in x]
    w = [[Value(float(W1[i, j])) for j in range(W1.shape[1])] for i in range(W1.shape[0])]
    a = [sum((w[i][j] * xs[i] for i in range(len(xs))), Value(0.0)).sigmoid()
         for j in range(W1.shape[1])]
    y_hat = sum((a[j] * float(W2[j]) for j in range(len(a))), Value(0.0))
    C = (y - y_hat) ** 2
    C.backward()
    return w[0][0].grad
