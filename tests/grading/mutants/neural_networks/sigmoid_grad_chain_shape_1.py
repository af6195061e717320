"""sigmoid_grad_chain that slices W2[:1], a[:1] and x[:1] where it should index: the right value
in a tensor of shape (1,), not the docstring's shape ().

Says (sigmoid_grad_chain): the docstring asks for a float64 tensor of shape ()
"""


def sigmoid_grad_chain(x, y, W1, W2):
    a = torch.sigmoid(x @ W1)
    y_hat = a @ W2
    return -2 * (y - y_hat) * W2[:1] * a[:1] * (1 - a[:1]) * x[:1]
