"""sgd rebinds a local name (param = param - ...), then zeroes the new tensor's gradient, which
it does not have (AttributeError on None).

Says (sgd): has no .grad
"""


def sgd(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param = param - lr * param.grad / batch_size
            param.grad.zero_()
