"""sgd never zeroes the gradients, so they accumulate across minibatches."""


def sgd(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
