"""weight_decay_step that gets the penalty's gradient by autograd on the caller's w itself:
w.requires_grad_() and backward() leave w requiring grad and add weight_decay * w into w.grad
(the caller's own gradient, which a training loop reads), though w's values stay the same.

Says (weight_decay_step): w.grad
"""


def weight_decay_step(w, grad, lr, weight_decay):
    w.requires_grad_(True)
    (weight_decay / 2 * (w**2).sum()).backward()
    with torch.no_grad():
        new = w - lr * (grad + w.grad)
    return new
