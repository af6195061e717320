"""CMU 10-414/714 (needle), a student's hw2 optim.py: SGD with weight_decay adds
weight_decay * param.data to the gradient, then param.data -= self.lr * grad (coupled L2, as
torch.optim.SGD), on a clone of w. See README.md."""


def l2_penalty(w):
    raise NotImplementedError("not in the source")


def dropout_layer(X, dropout):
    raise NotImplementedError("not in the source")


def best_epoch(scores):
    raise NotImplementedError("not in the source")


def weight_decay_step(w, grad, lr, weight_decay):
    data = w.clone()
    if weight_decay:
        g = grad + weight_decay * data
    else:
        g = grad
    data -= lr * g
    return data
