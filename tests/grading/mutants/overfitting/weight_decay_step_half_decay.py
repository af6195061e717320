"""weight_decay_step that keeps the penalty's 1/2 in the gradient: grad + weight_decay / 2 * w.
The gradient of weight_decay / 2 * ||w||^2 is weight_decay * w. The message gave only the
formula.

Says (weight_decay_step): its 1/2
"""


def weight_decay_step(w, grad, lr, weight_decay):
    return w - lr * (grad + weight_decay / 2 * w)
