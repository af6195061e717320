"""labmlai/annotated_deep_learning_paper_implementations (MIT), labml_nn/optimizers/__init__.py:
WeightDecay (decoupled: the parameter shrinks by 1 - lr * weight_decay; coupled: weight_decay *
param added to the gradient), then the plain step. See README.md."""
import torch


class _WeightDecay:  # labml_nn.optimizers.WeightDecay
    def __init__(self, weight_decay=0.0, weight_decouple=True, absolute=False):
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        self.absolute = absolute
        self.weight_decouple = weight_decouple
        self.weight_decay = weight_decay

    def __call__(self, param, grad, group):
        if self.weight_decouple:
            if self.absolute:
                param.data.mul_(1.0 - group["weight_decay"])
            else:
                param.data.mul_(1.0 - group["lr"] * group["weight_decay"])
            return grad
        else:
            if group["weight_decay"] != 0:
                return grad.add(param.data, alpha=group["weight_decay"])
            else:
                return grad


def l2_penalty(w: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def dropout_layer(X: torch.Tensor, dropout: float) -> torch.Tensor:
    raise NotImplementedError("not in the source")


def best_epoch(scores: list[float]) -> int:
    raise NotImplementedError("not in the source")


def weight_decay_step(w, grad, lr, weight_decay):
    # GenericAdaptiveOptimizer.step's order: the WeightDecay object first (labml's default,
    # decoupled: the parameter shrinks in place), then the gradient step, on a clone of w
    group = {"lr": lr, "weight_decay": weight_decay}
    param = w.clone()
    g = _WeightDecay(weight_decay)(param, grad, group)
    param.data.add_(g, alpha=-lr)
    return param
