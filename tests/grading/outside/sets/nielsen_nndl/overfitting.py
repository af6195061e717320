"""Michael Nielsen's "Neural Networks and Deep Learning" (MIT), code/network2.py: total_cost's
penalty 0.5*lmbda*np.linalg.norm(w)**2 (lmbda aside) and update_mini_batch's weight decay,
(1-eta*lmbda)*w-eta*nw. Translated to torch. See README.md."""
import torch


def l2_penalty(w: torch.Tensor) -> torch.Tensor:
    return 0.5*torch.linalg.norm(w)**2


def dropout_layer(X: torch.Tensor, dropout: float) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def best_epoch(scores: list[float]) -> int:
    raise NotImplementedError("not in the source")


def weight_decay_step(w, grad, lr, weight_decay):
    eta, lmbda, nw = lr, weight_decay, grad
    return (1-eta*lmbda)*w-eta*nw
