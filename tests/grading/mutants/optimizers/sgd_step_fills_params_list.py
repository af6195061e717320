"""sgd_step writes the new tensors into the caller's params list and returns that list.

Says (sgd_step): params[0] passed to sgd_step
"""


def sgd_step(params, grads, state, lr):
    for i in range(len(params)):
        params[i] = params[i] - lr * grads[i]
    return params, {}
