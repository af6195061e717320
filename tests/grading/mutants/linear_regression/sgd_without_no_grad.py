"""sgd updates p -= ... with autograd on (no torch.no_grad()): autograd refuses the in-place
operation on a leaf that requires grad.

Says (sgd): inside `with torch.no_grad():`
"""


def sgd(params, lr, batch_size):
    for param in params:
        param -= lr * param.grad / batch_size
        param.grad.zero_()
