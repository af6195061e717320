"""nnfs_book: Layer_Dense forward / backward (dbiases summed without keepdims: its biases are
(1, n), ours (m,)), Activation_ReLU.backward (dinputs[inputs <= 0] = 0 on a copy) and
Activation_Softmax_Loss_CategoricalCrossentropy.backward (dinputs[range(n), y] -= 1; / n)."""
import torch


def _dense_forward(inputs, weights, biases):
    return inputs @ weights + biases


def _relu(inputs):
    return torch.maximum(torch.zeros((), dtype=inputs.dtype), inputs)


def mlp_forward(X, W1, b1, W2, b2):
    X = X.reshape(X.shape[0], -1)
    return _dense_forward(_relu(_dense_forward(X, W1, b1)), W2, b2)


def linear_backward(X, W, dY):
    dweights = X.T @ dY
    dbiases = torch.sum(dY, dim=0)  # keepdims=True in nnfs, whose biases are (1, m)
    dinputs = dY @ W.T
    return dinputs, dweights, dbiases


def relu_backward(Z, dH):
    dinputs = dH.clone()
    dinputs[Z <= 0] = 0
    return dinputs


def _softmax(inputs):
    exp_values = torch.exp(inputs - torch.max(inputs, dim=1, keepdim=True).values)
    return exp_values / torch.sum(exp_values, dim=1, keepdim=True)


def mlp_backward(X, y, W1, b1, W2, b2):
    # Activation_Softmax_Loss_CategoricalCrossentropy.backward, then the layers' backward
    Z1 = _dense_forward(X, W1, b1)
    H = _relu(Z1)
    output = _softmax(_dense_forward(H, W2, b2))
    samples = len(output)
    dinputs = output.clone()
    dinputs[range(samples), y] -= 1
    dinputs = dinputs / samples
    dH, dW2, db2 = linear_backward(H, W2, dinputs)
    dZ1 = relu_backward(Z1, dH)
    _, dW1, db1 = linear_backward(X, W1, dZ1)
    return dW1, db1, dW2, db2


def xavier_uniform_(W, gain=1.0):
    raise NotImplementedError("not in the source")


def he_normal_(W, mode="fan_in"):
    raise NotImplementedError("not in the source")
