"""DeZero (oreilly-japan/deep-learning-from-scratch-3, dezero/functions.py): Softmax.forward,
softmax_cross_entropy_simple (clip(p, 1e-15, 1.0), then log_p[np.arange(N), t]; here without
the final mean, which the exercise leaves to the caller), accuracy; ported to torch."""
import torch


# dezero/functions.py Softmax.forward (axis=1)
def softmax(X: torch.Tensor) -> torch.Tensor:
    y = X - X.max(dim=1, keepdim=True).values
    y = torch.exp(y)
    y = y / y.sum(dim=1, keepdim=True)  # DeZero: y /= ..., on its own fresh array
    return y


# dezero/functions.py softmax_cross_entropy_simple, per example
def cross_entropy(y_hat: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    N = y_hat.shape[0]
    p = torch.clamp(y_hat, 1e-15, 1.0)
    log_p = torch.log(p)
    tlog_p = log_p[torch.arange(N), y]
    return -1 * tlog_p


# dezero/functions.py accuracy: pred = y.argmax(axis=1).reshape(t.shape); (pred == t).mean()
def accuracy(y_hat: torch.Tensor, y: torch.Tensor) -> float:
    pred = y_hat.argmax(dim=1).reshape(y.shape)
    result = pred == y
    acc = result.to(torch.float64).mean()  # NumPy's bool mean is float64
    return acc


def one_hot(y, num_classes):
    raise NotImplementedError("not in the source")


def entropy(p):
    raise NotImplementedError("not in the source")
