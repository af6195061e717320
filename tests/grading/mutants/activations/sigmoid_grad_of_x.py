"""sigmoid_grad that applies s * (1 - s) to x itself instead of to s = sigmoid(x)."""


def sigmoid_grad(x):
    return x * (1 - x)
