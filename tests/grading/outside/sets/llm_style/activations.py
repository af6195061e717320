"""LLM-style: input validation, dtype/device care, printing a demo table."""
import torch

__all__ = ["sigmoid", "sigmoid_grad", "tanh_grad", "relu", "relu_grad", "leaky_relu"]


def _check(x: torch.Tensor) -> None:
    if not isinstance(x, torch.Tensor):
        raise TypeError(f"Expected torch.Tensor, got {type(x).__name__}")
    if not torch.is_floating_point(x):
        raise TypeError(f"Expected a floating tensor, got {x.dtype}")


def sigmoid(x: torch.Tensor) -> torch.Tensor:
    """Numerically stable sigmoid."""
    _check(x)
    pos = x >= 0
    z = torch.exp(torch.where(pos, -x, x))  # -|x|, with the branches' slope at 0 (not abs's 0)
    return torch.where(pos, 1.0 / (1.0 + z), z / (1.0 + z)).to(dtype=x.dtype, device=x.device)


def sigmoid_grad(x: torch.Tensor) -> torch.Tensor:
    _check(x)
    s = sigmoid(x)
    return s * (1.0 - s)


def tanh_grad(x: torch.Tensor) -> torch.Tensor:
    _check(x)
    t = torch.tanh(x)
    return 1.0 - t * t


def relu(x: torch.Tensor) -> torch.Tensor:
    _check(x)
    return x.clamp(min=0.0)


def relu_grad(x: torch.Tensor) -> torch.Tensor:
    _check(x)
    return (x > 0).to(x.dtype)


def leaky_relu(x: torch.Tensor, negative_slope: float = 0.01) -> torch.Tensor:
    _check(x)
    if not 0.0 <= negative_slope < 1.0:
        raise ValueError("negative_slope must be in [0, 1)")
    return torch.where(x > 0, x, x * negative_slope)


if __name__ == "__main__":
    xs = torch.linspace(-3, 3, 7)
    for name in __all__:
        print(f"{name:>12}: {globals()[name](xs)}")
