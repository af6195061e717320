"""Michael Nielsen's "Neural Networks and Deep Learning" (MIT), code/network2.py: backprop's
layer step for one example at a time, column vectors and weights of shape (out, in): nabla_b =
delta, nabla_w = np.dot(delta, activation.transpose()), the previous layer's
np.dot(w.transpose(), delta), summed over the mini-batch as update_mini_batch does. NumPy at
the boundary. See README.md."""
import numpy as np
import torch


def mlp_forward(X, W1, b1, W2, b2):
    raise NotImplementedError("not in the source (sigmoid layers)")


def linear_backward(X, W, dY):
    w = W.numpy().T  # the book's layout: w of shape (out, in)
    nabla_b = np.zeros((w.shape[0], 1))
    nabla_w = np.zeros(w.shape)
    dX = []
    for x, delta in zip(X.numpy(), dY.numpy()):
        activation, delta = x.reshape(-1, 1), delta.reshape(-1, 1)
        nabla_b = nabla_b + delta
        nabla_w = nabla_w + np.dot(delta, activation.transpose())
        dX.append(np.dot(w.transpose(), delta).ravel())
    return (torch.as_tensor(np.array(dX), dtype=X.dtype).reshape(X.shape),
            torch.as_tensor(nabla_w.transpose(), dtype=W.dtype),
            torch.as_tensor(nabla_b.ravel(), dtype=dY.dtype))


def relu_backward(Z, dH):
    raise NotImplementedError("not in the source (sigmoid layers)")


def mlp_backward(X, y, W1, b1, W2, b2):
    raise NotImplementedError("not in the source (sigmoid layers)")


def xavier_uniform_(W, gain=1.0):
    raise NotImplementedError("not in the source")


def he_normal_(W, mode="fan_in"):
    raise NotImplementedError("not in the source")
