"""weight_decay_step that takes the gradient step first and then shrinks the result,
(1 - lr * wd) * (w - lr * grad): the gradient step is shrunk too.

Says (weight_decay_step): shrinks w after the gradient step
"""


def weight_decay_step(w, grad, lr, weight_decay):
    stepped = w - lr * grad
    return stepped * (1 - lr * weight_decay)
