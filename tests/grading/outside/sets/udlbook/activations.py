"""Simon Prince, "Understanding Deep Learning" notebooks (udlbook/udlbook, MIT): ReLU as given in
the notebooks (preactivation.clip(0.0)) and a reader's indicator_function of notebook 7.2
(np.array(x) copied, then x_in[x_in>0] = 1; x_in[x_in<=0] = 0), NumPy at the boundary. See
README.md."""
import numpy as np
import torch


def sigmoid(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def sigmoid_grad(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def tanh_grad(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def relu(x: torch.Tensor) -> torch.Tensor:
    # notebooks 3.1, 4.x, 7.x: def ReLU(preactivation): activation = preactivation.clip(0.0)
    activation = x.clip(0.0)
    return activation


def _indicator_function(x):  # a reader's notebook 7.2: the gradient 0 at 0, as in PyTorch
    x_in = np.array(x)
    x_in[x_in > 0] = 1
    x_in[x_in <= 0] = 0
    return x_in


def relu_grad(x: torch.Tensor) -> torch.Tensor:
    return torch.from_numpy(_indicator_function(x.numpy()))


def leaky_relu(x: torch.Tensor, negative_slope: float = 0.01) -> torch.Tensor:
    raise NotImplementedError("not in the source")
