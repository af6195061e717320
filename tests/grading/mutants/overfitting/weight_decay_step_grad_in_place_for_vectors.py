"""weight_decay_step adds the decay into grad in place (torch.optim's old
d_p.add_(p, alpha=weight_decay)) when w is not a matrix: the result is right, but the caller's
gradient of a bias or a 3-d kernel changes.

Says (weight_decay_step): grad of shape (5,) was modified in place
"""


def weight_decay_step(w, grad, lr, weight_decay):
    if w.ndim != 2:
        grad = grad.add_(w, alpha=weight_decay)
    else:
        grad = grad + weight_decay * w
    return w - lr * grad
