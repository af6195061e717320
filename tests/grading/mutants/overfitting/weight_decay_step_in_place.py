"""weight_decay_step updates w in place (w.mul_ / w.sub_) and returns it."""


def weight_decay_step(w, grad, lr, weight_decay):
    return w.mul_(1 - lr * weight_decay).sub_(lr * grad)
