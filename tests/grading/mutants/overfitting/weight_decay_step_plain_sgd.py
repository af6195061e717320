"""weight_decay_step ignores the weight decay: a plain SGD step."""


def weight_decay_step(w, grad, lr, weight_decay):
    return w - lr * grad
