"""PaddlePaddle: nn/initializer/initializer.py's _compute_fans and calculate_gain,
xavier.py's XavierUniform (limit = gain * sqrt(6 / (fan_in + fan_out))) and kaiming.py's
KaimingNormal (std = gain / sqrt(fan_in), gain sqrt(2) for relu; no mode: its fan_in argument
is set to the fan_out for mode='fan_out'). Paddle's Linear weight is (in_features,
out_features), which _compute_fans reads as fan_in = shape[0]: a 2-d torch weight (out, in) is
passed to it reversed; a convolution's layout is the same in both."""
import math

import torch


def mlp_forward(X, W1, b1, W2, b2):
    raise NotImplementedError("not in the source")


def linear_backward(X, W, dY):
    raise NotImplementedError("not in the source")


def relu_backward(Z, dH):
    raise NotImplementedError("not in the source")


def mlp_backward(X, y, W1, b1, W2, b2):
    raise NotImplementedError("not in the source")


def _compute_fans(shape):
    if not shape or len(shape) == 0:
        fan_in = fan_out = 1
    elif len(shape) == 1:
        fan_in = fan_out = shape[0]
    elif len(shape) == 2:
        # This is the case for simple matrix multiply
        fan_in = shape[0]
        fan_out = shape[1]
    else:
        # Assume this to be a convolutional kernel
        # In PaddlePaddle, the shape of the kernel is like:
        # [num_filters, num_filter_channels, ...] where the remaining
        # dimensions are the filter_size
        receptive_field_size = math.prod(shape[2:])
        fan_in = shape[1] * receptive_field_size
        fan_out = shape[0] * receptive_field_size
    return (fan_in, fan_out)


def _paddle_shape(W):
    return tuple(W.shape)[::-1] if W.dim() == 2 else tuple(W.shape)  # torch (out, in) -> (in, out)


def calculate_gain(nonlinearity, param=None):
    recommended_gain = {'sigmoid': 1, 'linear': 1, 'tanh': 5.0 / 3, 'relu': math.sqrt(2.0)}
    if nonlinearity in recommended_gain.keys():
        return recommended_gain[nonlinearity]
    raise ValueError(f"nonlinearity function {nonlinearity} is not supported now.")


def xavier_uniform_(W, gain=1.0):
    f_in, f_out = _compute_fans(_paddle_shape(W))
    limit = gain * math.sqrt(6.0 / float(f_in + f_out))
    with torch.no_grad():
        out_var = torch.empty(W.shape, dtype=W.dtype).uniform_(-limit, limit)  # _C_ops.uniform
        W.copy_(out_var)  # out_var._share_underline_tensor_to(var)
    return W


def he_normal_(W, mode="fan_in"):
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"mode should be 'fan_in' or 'fan_out', got {mode!r}")
    f_in, f_out = _compute_fans(_paddle_shape(W))
    fan_in = f_in if mode == "fan_in" else f_out  # KaimingNormal(fan_in=...)
    gain = calculate_gain('relu', 0.0)
    std = gain / math.sqrt(float(fan_in))
    with torch.no_grad():
        out_var = torch.normal(0.0, std, W.shape, dtype=W.dtype)  # _C_ops.gaussian
        W.copy_(out_var)
    return W
