"""LLM-style: checks on dims, .item() for accuracy, float32 asserts, device=."""
import torch


def softmax(X: torch.Tensor) -> torch.Tensor:
    if X.dim() != 2:
        raise ValueError(f"Expected 2D input (n, q), got shape {tuple(X.shape)}")
    X_max = X.max(dim=1, keepdim=True).values
    X_exp = torch.exp(X - X_max)
    return X_exp / X_exp.sum(dim=1, keepdim=True)


def cross_entropy(y_hat: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    if y_hat.size(0) != y.size(0):
        raise ValueError("Batch size mismatch")
    if y.dtype != torch.long:
        raise TypeError("Labels must be int64")
    return -torch.log(y_hat[torch.arange(y_hat.size(0), device=y_hat.device), y])


def accuracy(y_hat: torch.Tensor, y: torch.Tensor) -> float:
    if y_hat.size(0) == 0:
        raise ValueError("Empty batch")
    preds = y_hat.argmax(dim=1)
    return (preds == y).sum().item() / y.numel()


def one_hot(y: torch.Tensor, num_classes: int) -> torch.Tensor:
    if y.dim() != 1:
        raise ValueError("y must be 1-D")
    if num_classes <= 0:
        raise ValueError("num_classes must be positive")
    out = torch.zeros(y.size(0), num_classes, dtype=torch.float32, device=y.device)
    out.scatter_(1, y.unsqueeze(1), 1.0)
    return out


def entropy(p: torch.Tensor) -> torch.Tensor:
    if (p < 0).any():
        raise ValueError("probabilities must be non-negative")
    log_p = torch.where(p > 0, torch.log(p), torch.zeros_like(p))
    return -(p * log_p).sum(dim=-1)
