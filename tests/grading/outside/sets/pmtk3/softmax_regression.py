"""pmtk3: matrixEntropy.m (and entropyPmtk.m): v = v + (v == 0), so the zeros become ones whose
log is 0, then H = -sum(v .* log2(v), 1), one entropy per column. MATLAB -> torch: the
exercise's distributions lie along the last dimension (pmtk3's along the columns), so the sum
is over dim=-1; log2 -> log, nats as asked (the MATLAB code gives bits)."""
import torch


def softmax(X):
    raise NotImplementedError("not in the source")


def cross_entropy(y_hat, y):
    raise NotImplementedError("not in the source")


def accuracy(y_hat, y):
    raise NotImplementedError("not in the source")


def one_hot(y, num_classes):
    raise NotImplementedError("not in the source")


def entropy(p, scale=0):
    v = p
    v = v + (v == 0)
    H = -1 * torch.sum(v * torch.log(v), dim=-1)  # sum(v .* log2(v), 1), in nats
    if scale:
        n = v.shape[-1]
        unif = torch.ones(n, dtype=p.dtype) / n  # normalize(ones(n, 1))
        H = H / entropy(unif)
    return H
