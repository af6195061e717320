"""weight_decay_step grows the weights: (1 + lr * weight_decay) * w."""


def weight_decay_step(w, grad, lr, weight_decay):
    return (1 + lr * weight_decay) * w - lr * grad
