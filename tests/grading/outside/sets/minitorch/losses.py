"""MiniTorch (MIT), minitorch/nn.py: logsoftmax by the LSE trick (the MNIST network's last
layer), and project/run_mnist_multiclass.py's loss on it: prob = (out * y).sum(1); loss =
-(prob / y.shape[0]).sum(), y one-hot (or soft). Translated to torch. See README.md."""
import torch


def _logsoftmax(input, dim):  # nn.logsoftmax
    m = input.max(dim=dim, keepdim=True).values
    return input - (input - m).exp().sum(dim=dim, keepdim=True).log() - m


def l1_loss(y_hat, y, reduction="mean"):
    raise NotImplementedError("not in the source")


def mse_loss(y_hat, y, reduction="mean"):
    raise NotImplementedError("not in the source")


def nll_loss(log_probs, target):
    raise NotImplementedError("not in the source")


def cross_entropy_loss(logits, target):
    if target.dtype == torch.int64:  # class indices -> the one-hot y the loop is given
        y = torch.zeros_like(logits)
        y[torch.arange(target.shape[0]), target] = 1.0
    else:
        y = target
    out = _logsoftmax(logits, 1)
    prob = (out * y).sum(1)
    loss = -(prob / y.shape[0]).sum()
    return loss


def bce_with_logits(logits, target):
    raise NotImplementedError("not in the source")


def kl_divergence(p, q):
    raise NotImplementedError("not in the source")
