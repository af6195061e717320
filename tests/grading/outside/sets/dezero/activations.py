"""DeZero (oreilly-japan/deep-learning-from-scratch-3, dezero/functions.py, final version as in
its forks, e.g. corpus id 26180232750): Sigmoid (tanh form), ReLU, Tanh.backward, LeakyReLU,
ported from NumPy to torch. Each ``*_grad`` is the Function's backward with gy = 1."""
import torch


# dezero/functions.py Sigmoid.forward: y = xp.tanh(x * 0.5) * 0.5 + 0.5  # Better implementation
def sigmoid(x: torch.Tensor) -> torch.Tensor:
    y = torch.tanh(x * 0.5) * 0.5 + 0.5
    return y


# dezero/functions.py Sigmoid.backward: gx = gy * y * (1 - y), y the forward's output
def sigmoid_grad(x: torch.Tensor) -> torch.Tensor:
    y = torch.tanh(x * 0.5) * 0.5 + 0.5
    gy = torch.ones_like(x)
    gx = gy * y * (1 - y)
    return gx


# dezero/functions.py Tanh.backward: gx = gy * (1 - y * y)
def tanh_grad(x: torch.Tensor) -> torch.Tensor:
    y = torch.tanh(x)
    gy = torch.ones_like(x)
    gx = gy * (1 - y * y)
    return gx


# dezero/functions.py ReLU.forward: y = xp.maximum(x, 0.0)
def relu(x: torch.Tensor) -> torch.Tensor:
    y = torch.maximum(x, torch.tensor(0.0, dtype=x.dtype))
    return y


# dezero/functions.py ReLU.backward: mask = x.data > 0; gx = gy * mask
def relu_grad(x: torch.Tensor) -> torch.Tensor:
    gy = torch.ones_like(x)
    mask = x > 0
    gx = gy * mask
    return gx


# dezero/functions.py LeakyReLU.forward: y = x.copy(); y[x <= 0] *= self.slope
def leaky_relu(x: torch.Tensor, negative_slope: float = 0.01) -> torch.Tensor:
    y = x.clone()
    y[x <= 0] *= negative_slope
    return y
