"""Apple's MLX (MIT), python/mlx/nn/layers/activations.py: relu is mx.maximum(x, 0) and
leaky_relu mx.maximum(negative_slope * x, x), translated to torch (torch.maximum wants a tensor
for the 0). See README.md."""
import torch


def sigmoid(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source (mx.sigmoid is a C++ primitive)")


def sigmoid_grad(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def tanh_grad(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def relu(x: torch.Tensor) -> torch.Tensor:
    # "Simply ``mx.maximum(x, 0)``."
    return torch.maximum(x, torch.zeros((), dtype=x.dtype))


def relu_grad(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("left out: nn.step's mx.where(x > threshold, 1, 0) is an int array")


def leaky_relu(x: torch.Tensor, negative_slope: float = 0.01) -> torch.Tensor:
    # "Simply ``mx.maximum(negative_slope * x, x)``."
    return torch.maximum(negative_slope * x, x)
