"""LLM-style: logging, validation, device handling, a __main__ demo that trains."""
import logging
import logging.config
import random
from typing import Iterator, List, Tuple

import torch

logger = logging.getLogger(__name__)
logging.config.dictConfig({"version": 1, "disable_existing_loggers": False,
                           "root": {"level": "INFO"}})

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def synthetic_data(w: torch.Tensor, b: float, num_examples: int) -> Tuple[torch.Tensor, torch.Tensor]:
    """Generate y = Xw + b + noise."""
    if not isinstance(w, torch.Tensor):
        raise TypeError("w must be a torch.Tensor")
    if num_examples <= 0:
        raise ValueError("num_examples must be positive")
    X = torch.normal(0.0, 1.0, size=(num_examples, len(w)), dtype=w.dtype, device=w.device)
    y = X @ w + b
    y = y + torch.normal(0.0, 0.01, size=y.shape, dtype=w.dtype, device=w.device)
    logger.info("Generated %d examples with %d features", num_examples, len(w))
    return X, y.reshape(-1, 1)


def data_iter(batch_size: int, features: torch.Tensor, labels: torch.Tensor) -> Iterator[Tuple[torch.Tensor, torch.Tensor]]:
    """Yield shuffled minibatches."""
    assert batch_size > 0, "batch_size must be positive"
    assert len(features) == len(labels), "features and labels must have the same length"
    num_examples = len(features)
    indices = list(range(num_examples))
    random.shuffle(indices)
    for i in range(0, num_examples, batch_size):
        batch_indices = torch.tensor(indices[i:i + batch_size], device=features.device)
        yield features[batch_indices], labels[batch_indices]


def linreg(X: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """Linear regression model."""
    assert X.dim() == 2, f"X must be 2-D, got {X.dim()}-D"
    assert X.shape[1] == w.shape[0], "shape mismatch between X and w"
    return torch.matmul(X, w) + b


def squared_loss(y_hat: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Squared loss."""
    if y_hat.numel() != y.numel():
        raise ValueError(f"y_hat has {y_hat.numel()} elements but y has {y.numel()}")
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2


def sgd(params: List[torch.Tensor], lr: float, batch_size: int) -> None:
    """Minibatch stochastic gradient descent."""
    with torch.no_grad():
        for param in params:
            if param.grad is None:
                logger.warning("Parameter has no gradient; skipping")
                continue
            param -= lr * param.grad / batch_size
            param.grad.zero_()


def closed_form(X: torch.Tensor, y: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
    """Closed-form solution via least squares."""
    n, d = X.shape
    if n <= d:
        raise ValueError("need more examples than features")
    X1 = torch.cat([X, torch.ones(n, 1, dtype=X.dtype, device=X.device)], dim=1)
    theta = torch.linalg.lstsq(X1, y.reshape(n, 1).to(X.dtype)).solution
    logger.debug("theta = %s", theta)
    return theta[:d], theta[d].squeeze()


if __name__ == "__main__":
    torch.manual_seed(42)
    true_w = torch.tensor([2.0, -3.4])
    true_b = 4.2
    features, labels = synthetic_data(true_w, true_b, 1000)
    w = torch.normal(0, 0.01, size=(2, 1), requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    lr, num_epochs, batch_size = 0.03, 3, 10
    for epoch in range(num_epochs):
        for X, y in data_iter(batch_size, features, labels):
            l = squared_loss(linreg(X, w, b), y)
            l.sum().backward()
            sgd([w, b], lr, batch_size)
        with torch.no_grad():
            train_l = squared_loss(linreg(features, w, b), labels)
            print(f"epoch {epoch + 1}, loss {float(train_l.mean()):f}")
