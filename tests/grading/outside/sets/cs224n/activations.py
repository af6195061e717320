"""Stanford CS224n (2017-2018) assignment 1, q2_sigmoid.py: sigmoid(x) = 1 / (1 + np.exp(-x)) and
sigmoid_grad(s) = s * (1 - s), which takes the sigmoid's OUTPUT; ours takes x, so the two are
composed. NumPy at the boundary. See README.md."""
import numpy as np
import torch


def _sigmoid(x):  # q2_sigmoid.sigmoid, as written
    s = 1 / (1 + np.exp(-x))
    return s


def _sigmoid_grad(s):  # q2_sigmoid.sigmoid_grad: "the input s should be the sigmoid value"
    ds = s * (1 - s)
    return ds


def sigmoid(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("left out: a student's stable version fills np.zeros_like(x, "
                              "dtype=np.float64) by masks, which torch refuses (deserved)")


def sigmoid_grad(x: torch.Tensor) -> torch.Tensor:
    with np.errstate(over="ignore"):  # exp(1000) is inf, and 1 / inf the 0 wanted
        return torch.from_numpy(np.asarray(_sigmoid_grad(_sigmoid(x.numpy())), dtype=x.numpy().dtype))


def tanh_grad(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def relu(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def relu_grad(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def leaky_relu(x: torch.Tensor, negative_slope: float = 0.01) -> torch.Tensor:
    raise NotImplementedError("not in the source")
