"""weight_decay_step shrinks w by (1 - weight_decay) and forgets the learning rate there."""


def weight_decay_step(w, grad, lr, weight_decay):
    return (1 - weight_decay) * w - lr * grad
