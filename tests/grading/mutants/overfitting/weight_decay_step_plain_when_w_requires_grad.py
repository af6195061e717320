"""weight_decay_step that takes a plain SGD step when w requires grad (as a model's parameters
do): no w posed required grad.

Says (weight_decay_step): requires grad
"""


def weight_decay_step(w, grad, lr, weight_decay):
    if w.requires_grad:
        return w - lr * grad
    return (1 - lr * weight_decay) * w - lr * grad
