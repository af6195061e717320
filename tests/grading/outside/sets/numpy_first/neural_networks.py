"""Andrew Ng's gradient checking: vectorise the parameters, nudge theta_plus / theta_minus copies."""
import numpy as np
import torch


def feed_forward(inputs, outputs, weights):
    W1, b1, W2, b2 = weights
    A1 = 1 / (1 + torch.exp(-(inputs @ W1 + b1)))
    yhat = A1 @ W2 + b2
    return torch.mean((yhat - outputs) ** 2)


def _to_vector(weights):
    return np.concatenate([w.detach().numpy().reshape(-1) for w in weights])


def _to_weights(theta, like):
    out, start = [], 0
    for w in like:
        out.append(torch.from_numpy(theta[start:start + w.numel()].reshape(tuple(w.shape))))
        start += w.numel()
    return out


def numerical_gradient(inputs, outputs, weights, eps=1e-4):
    theta = _to_vector(weights)
    gradapprox = np.zeros_like(theta)
    for i in range(theta.shape[0]):
        thetaplus = np.copy(theta)
        thetaplus[i] += eps
        J_plus = feed_forward(inputs, outputs, _to_weights(thetaplus, weights)).item()
        thetaminus = np.copy(theta)
        thetaminus[i] -= eps
        J_minus = feed_forward(inputs, outputs, _to_weights(thetaminus, weights)).item()
        gradapprox[i] = (J_plus - J_minus) / (2 * eps)
    return _to_weights(gradapprox, weights)


def sigmoid_grad_chain(x, y, W1, W2):
    x, W1, W2 = x.numpy(), W1.numpy(), W2.numpy()
    a = 1 / (1 + np.exp(-x.dot(W1)))
    y_hat = a.dot(W2)
    return float(-2 * (y - y_hat) * W2[0] * a[0] * (1 - a[0]) * x[0])
