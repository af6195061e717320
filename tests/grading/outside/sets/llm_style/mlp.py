"""LLM-style: shape asserts, device=, .item() in logging, a training demo guarded by __main__."""
import logging
import math

import torch

log = logging.getLogger("mlp")


def mlp_forward(X: torch.Tensor, W1, b1, W2, b2) -> torch.Tensor:
    X = X.reshape(X.shape[0], -1).to(W1.device)
    assert X.shape[1] == W1.shape[0], f"expected {W1.shape[0]} features, got {X.shape[1]}"
    H = torch.relu(X @ W1 + b1)
    out = H @ W2 + b2
    log.debug("forward: mean logit %.4f", out.mean().item())
    return out


def linear_backward(X, W, dY):
    assert X.shape[0] == dY.shape[0] and W.shape[1] == dY.shape[1]
    dX = dY @ W.T
    dW = X.T @ dY
    db = dY.sum(dim=0)
    return dX, dW, db


def relu_backward(Z, dH):
    assert Z.shape == dH.shape, "Z and dH must have the same shape"
    return dH * (Z > 0).to(dH.dtype)


def mlp_backward(X, y, W1, b1, W2, b2):
    n = X.shape[0]
    Z = X @ W1 + b1
    H = torch.relu(Z)
    O = H @ W2 + b2
    P = torch.softmax(O, dim=1)
    Y = torch.zeros_like(P)
    Y[torch.arange(n, device=X.device), y] = 1.0
    dO = (P - Y) / n
    dH, dW2, db2 = linear_backward(H, W2, dO)
    dZ = relu_backward(Z, dH)
    _, dW1, db1 = linear_backward(X, W1, dZ)
    return dW1, db1, dW2, db2


def xavier_uniform_(W: torch.Tensor, gain: float = 1.0) -> torch.Tensor:
    if W.dim() != 2:
        raise ValueError("xavier_uniform_ expects a 2-D weight")
    fan_out, fan_in = W.shape
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
    with torch.no_grad():
        W.uniform_(-bound, bound)
    log.info("xavier bound %.4f", bound)
    return W


def he_normal_(W: torch.Tensor, mode: str = "fan_in") -> torch.Tensor:
    if W.dim() < 2:
        raise ValueError("he_normal_ expects at least 2 dimensions")
    if mode not in {"fan_in", "fan_out"}:
        raise ValueError(f"Invalid mode {mode!r}")
    receptive_field = W[0][0].numel() if W.dim() > 2 else 1
    fan = (W.shape[1] if mode == "fan_in" else W.shape[0]) * receptive_field
    std = math.sqrt(2.0 / fan)
    with torch.no_grad():
        return W.normal_(0.0, std)


if __name__ == "__main__":
    torch.manual_seed(0)
    X = torch.randn(64, 20)
    y = torch.randint(0, 5, (64,))
    W1 = xavier_uniform_(torch.empty(20, 32))
    b1 = torch.zeros(32)
    W2 = xavier_uniform_(torch.empty(32, 5))
    b2 = torch.zeros(5)
    for _ in range(100):
        dW1, db1, dW2, db2 = mlp_backward(X, y, W1, b1, W2, b2)
        W1 -= 0.1 * dW1; b1 -= 0.1 * db1; W2 -= 0.1 * dW2; b2 -= 0.1 * db2
    print("trained")
