"""sigmoid_grad_chain with the sign flipped: 2 (y - y_hat) instead of -2 (y - y_hat)."""


def sigmoid_grad_chain(x, y, W1, W2):
    a = torch.sigmoid(x @ W1)
    y_hat = a @ W2
    return 2 * (y - y_hat) * W2[0] * a[0] * (1 - a[0]) * x[0]
