"""sgd forgets to divide by the batch size (the gradient is summed over the minibatch)."""


def sgd(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad
            param.grad.zero_()
