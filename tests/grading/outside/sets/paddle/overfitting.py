"""PaddlePaddle: nn/functional/common.py's dropout, its python branch (the one taken for an
`axis`, here every axis: one uniform float32 draw per entry, keep where it is >= p, the input
scaled by 1 / keep_prob before the mask, p == 0 returns x, p == 1 returns x scaled by 0);
regularizer.py's L2Decay (its loss 0.5 * coeff * reduce_sum(square(x)) and its __call__, the
term coeff * param that the optimizer adds to the gradient), then SGD's param - lr * grad."""
import torch


def l2_penalty(w):
    coeff = 1.0
    return 0.5 * coeff * torch.sum(torch.square(w))  # L2Decay's loss, lambda applied elsewhere


def dropout_layer(X, dropout):
    p, x, mode = dropout, X, 'upscale_in_train'
    if not isinstance(p, (float, int)):
        raise TypeError("p argument should be a number or Variable")
    if isinstance(p, (int, float)):
        # fast return for p == 0
        if p == 0:
            return x
        elif p < 0 or p > 1:
            raise ValueError("p argument should between 0 and 1")
    dtype = x.dtype
    keep_prob = 1 - p
    if p == 1.0:
        return x * 0.0  # paddle.scale(x, scale=0.0)
    scale_input = x * (1 / keep_prob) if mode == 'upscale_in_train' else x
    mask_shape = list(x.shape)  # drop_axes: every axis
    random_tensor = torch.rand(mask_shape, dtype=torch.float32)  # paddle.uniform(min=0, max=1)
    keep_mask = torch.greater_equal(random_tensor, p)  # p itself, not full([1], p): see README
    scale_input = scale_input.to(dtype)
    keep_mask = keep_mask.to(dtype)
    return torch.multiply(scale_input, keep_mask)


def best_epoch(scores):
    raise NotImplementedError("not in the source")


class L2Decay:
    def __init__(self, coeff=0.0):
        assert coeff is not None
        self._coeff = coeff

    def __call__(self, param, grad):
        return param * self._coeff  # _C_ops.scale(param, self._coeff, 0.0, True)


def weight_decay_step(w, grad, lr, weight_decay):
    regularization_term = L2Decay(weight_decay)(w, grad)
    new_grad = grad + regularization_term  # append_regularization_ops: sum of grad and term
    return w - lr * new_grad  # sgd: param_out = param - learning_rate * grad
