"""sigmoid_grad_chain that forgets the factor 2 from the derivative of the square."""


def sigmoid_grad_chain(x, y, W1, W2):
    a = torch.sigmoid(x @ W1)
    y_hat = a @ W2
    return -(y - y_hat) * W2[0] * a[0] * (1 - a[0]) * x[0]
