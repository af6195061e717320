"""sigmoid_grad as s * (1 + s): a plus sign where the derivative has one minus the sigmoid.

Says (sigmoid_grad): one MINUS the sigmoid
"""


def sigmoid_grad(x):
    s = sigmoid(x)  # noqa: F821 (the reference's sigmoid)
    return s * (1 + s)
