"""Michael Nielsen's "Neural Networks and Deep Learning" (mnielsen/neural-networks-and-deep-learning,
MIT), code/network2.py: sigmoid and sigmoid_prime, applied through np.vectorize as the book
does (sigmoid_prime_vec), NumPy at the boundary. See README.md."""
import numpy as np
import torch


def _sigmoid(z):
    """The sigmoid function."""
    return 1.0/(1.0+np.exp(-z))


def _sigmoid_prime(z):
    """Derivative of the sigmoid function."""
    return _sigmoid(z)*(1-_sigmoid(z))


_sigmoid_prime_vec = np.vectorize(_sigmoid_prime)


def sigmoid(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("left out: 1 / (1 + exp(-z)) in torch has a nan slope at -1000 "
                              "(deserved)")


def sigmoid_grad(x: torch.Tensor) -> torch.Tensor:
    with np.errstate(over="ignore"):  # exp(1000) is inf, 1 / inf the 0 wanted
        return torch.as_tensor(_sigmoid_prime_vec(x.numpy()), dtype=x.dtype)


def tanh_grad(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def relu(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def relu_grad(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def leaky_relu(x: torch.Tensor, negative_slope: float = 0.01) -> torch.Tensor:
    raise NotImplementedError("not in the source")
