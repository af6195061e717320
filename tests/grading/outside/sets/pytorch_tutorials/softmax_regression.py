"""A softmax Function with its Jacobian-vector product written by hand, the picked
probabilities through index_select on the flattened matrix, accuracy via torch.eq and
count_nonzero, one-hot with scatter, entropy through torch.special.entr."""
import torch


class Softmax(torch.autograd.Function):
    @staticmethod
    def forward(ctx, X):
        E = torch.exp(X - X.max(dim=1, keepdim=True).values)
        P = E / E.sum(dim=1, keepdim=True)
        ctx.save_for_backward(P)
        return P

    @staticmethod
    def backward(ctx, grad_output):
        (P,) = ctx.saved_tensors
        return P * (grad_output - (grad_output * P).sum(dim=1, keepdim=True))


def softmax(X):
    return Softmax.apply(X)


def cross_entropy(y_hat, y):
    n, q = y_hat.shape
    flat = torch.arange(n) * q + y
    return -torch.log(y_hat.reshape(-1).index_select(0, flat))


def accuracy(y_hat, y):
    return torch.count_nonzero(torch.eq(y_hat.argmax(dim=1), y)).item() / y.numel()


def one_hot(y, num_classes):
    out = torch.zeros(y.shape[0], num_classes, dtype=torch.float32)
    return out.scatter(1, y.unsqueeze(1), 1.0)


def entropy(p):
    return torch.special.entr(p).sum(dim=-1)
