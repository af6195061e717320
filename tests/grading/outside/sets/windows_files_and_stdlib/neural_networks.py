"""The 2-3-1 network as an nn.Module; feed_forward runs it with the given weights through
torch.func.functional_call (a forward pass with substituted parameters)."""
import torch
from torch import nn
from torch.func import functional_call


class Net(nn.Module):
    def __init__(self, d=2, h=3):
        super().__init__()
        self.hidden = nn.Linear(d, h)
        self.out = nn.Linear(h, 1)

    def forward(self, x):
        return self.out(torch.sigmoid(self.hidden(x)))


_net = Net()


def feed_forward(inputs, outputs, weights):
    W1, b1, W2, b2 = weights
    params = {"hidden.weight": W1.T, "hidden.bias": b1, "out.weight": W2.T, "out.bias": b2}
    pred = functional_call(_net, params, (inputs,))
    return ((pred - outputs) ** 2).mean()


def numerical_gradient(inputs, outputs, weights, eps=1e-4):
    grads = []
    for k, w in enumerate(weights):
        g = torch.zeros_like(w)
        for i in range(w.numel()):
            wp = w.clone(); wp.view(-1)[i] += eps
            wm = w.clone(); wm.view(-1)[i] -= eps
            lp = feed_forward(inputs, outputs, weights[:k] + [wp] + weights[k + 1:])
            lm = feed_forward(inputs, outputs, weights[:k] + [wm] + weights[k + 1:])
            g.view(-1)[i] = (lp - lm) / (2 * eps)
        grads.append(g)
    return grads


def sigmoid_grad_chain(x, y, W1, W2):
    a = torch.sigmoid(x @ W1)
    return -2 * (y - a @ W2) * W2[0] * a[0] * (1 - a[0]) * x[0]
