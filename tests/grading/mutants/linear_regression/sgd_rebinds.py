"""sgd rebinds a local name (param = param - ...) instead of updating the tensor in place."""


def sgd(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param = param - lr * param.grad / batch_size
            param.grad = None
