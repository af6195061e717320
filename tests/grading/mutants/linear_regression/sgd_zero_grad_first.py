"""sgd that zeroes each gradient before the update, which then subtracts lr * 0: nothing moves.
It was told only to update in place, not to rebind (which it did right).

Says (sgd): the gradient was zeroed before the update used it
"""


def sgd(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param.grad.zero_()
            param -= lr * param.grad / batch_size
