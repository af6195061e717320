"""A nudge helper that rebuilds the weights list with torch.where masks (no in-place at all)."""
import torch


def feed_forward(inputs, outputs, weights):
    W1, b1, W2, b2 = weights
    hidden = torch.sigmoid(inputs @ W1 + b1)
    pred = hidden @ W2 + b2
    err = pred - outputs
    return (err * err).sum() / err.numel()


def numerical_gradient(inputs, outputs, weights, eps=1e-4):
    result = []
    for k, w in enumerate(weights):
        flat = torch.zeros(w.numel(), dtype=w.dtype)
        for i in range(w.numel()):
            onehot = torch.zeros(w.numel(), dtype=w.dtype)
            onehot[i] = eps
            plus = list(weights)
            minus = list(weights)
            plus[k] = w + onehot.reshape(w.shape)
            minus[k] = w - onehot.reshape(w.shape)
            up, down = feed_forward(inputs, outputs, plus), feed_forward(inputs, outputs, minus)
            flat[i] = (up - down) / (2 * eps)
        result.append(flat.reshape(w.shape))
    return result


def sigmoid_grad_chain(x, y, W1, W2):
    z = x @ W1
    a = torch.sigmoid(z)
    y_hat = (a * W2).sum()
    dC_dyhat = 2 * (y_hat - y)
    return dC_dyhat * W2[0] * torch.sigmoid(z[0]) * (1 - torch.sigmoid(z[0])) * x[0]
