"""sigmoid_grad as sigmoid(1 - sigmoid(x)): the sigmoid OF (1 - s) instead of s * (1 - s)."""


def sigmoid_grad(x):
    return sigmoid(1 - sigmoid(x))  # noqa: F821 (the reference's sigmoid)
