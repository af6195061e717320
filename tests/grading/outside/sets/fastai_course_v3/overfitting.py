"""fast.ai course-v3 nb_09: sgd_opt's steppers [weight_decay, sgd_step] (p.data.mul_(1 - lr *
wd), then p.data.add_(-lr, grad)) on a copy of w."""


def l2_penalty(w):
    raise NotImplementedError("not in the source")


def dropout_layer(X, dropout):
    raise NotImplementedError("not in the source")


def best_epoch(scores):
    raise NotImplementedError("not in the source")


def weight_decay_step(w, grad, lr, weight_decay):
    # sgd_opt's steppers [weight_decay, sgd_step] on a copy of w
    p = w.clone()
    p.data.mul_(1 - lr * weight_decay)
    p.data.add_(grad, alpha=-lr)
    return p
