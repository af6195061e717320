"""sigmoid_grad_chain estimated by a central difference of the loss in w11 (step 1e-5), not
computed by the chain rule: right to about 10 digits.

Says (sigmoid_grad_chain): it looks estimated
"""


def sigmoid_grad_chain(x, y, W1, W2):
    def loss(w11):
        W = W1.clone()
        W[0, 0] = w11
        return (y - torch.sigmoid(x @ W) @ W2) ** 2

    step = 1e-5
    return (loss(W1[0, 0] + step) - loss(W1[0, 0] - step)) / (2 * step)
