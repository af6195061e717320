"""The "Regularization" habits of PyTorch code: the penalty as sum of pow(2) * 0.5, dropout as
nn.functional-free inverted dropout with torch.empty_like(X).bernoulli_, best_epoch with
enumerate and a running best, weight decay as torch.optim.SGD's d_p = d_p.add(p, alpha=wd)."""
import torch


def l2_penalty(w):
    return w.pow(2).sum() * 0.5


def dropout_layer(X, dropout):
    if dropout < 0 or dropout > 1:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {dropout}")
    if dropout == 1:
        return torch.zeros_like(X)
    mask = torch.empty_like(X).bernoulli_(1 - dropout)
    return X * mask / (1 - dropout)


def best_epoch(scores):
    best, best_score = None, None
    for epoch, score in enumerate(scores, start=1):
        if best_score is None or score > best_score:
            best, best_score = epoch, score
    if best is None:
        raise ValueError("no validation scores: there is no epoch to choose from")
    return best


def weight_decay_step(w, grad, lr, weight_decay):
    d_p = grad.add(w, alpha=weight_decay)
    return w.add(d_p, alpha=-lr)
