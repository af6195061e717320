"""MindSpore (mindspore/common/initializer.py): XavierUniform and HeNormal, their
_calculate_fan_in_and_fan_out and _calculate_correct_fan / _calculate_gain. MindSpore draws into a
float32 NumPy buffer (np.ndarray(shape, dtype=np.float32)) and _assignment copies it into the
parameter: here a float32 torch buffer from torch's generator, copied into W."""
import math
from functools import reduce  # noqa: F401 - MindSpore's own import

import torch


def mlp_forward(X, W1, b1, W2, b2):
    raise NotImplementedError("not in the source")


def linear_backward(X, W, dY):
    raise NotImplementedError("not in the source")


def relu_backward(Z, dH):
    raise NotImplementedError("not in the source")


def mlp_backward(X, y, W1, b1, W2, b2):
    raise NotImplementedError("not in the source")


def _calculate_fan_in_and_fan_out(shape):
    dimensions = len(shape)
    if dimensions < 2:
        raise ValueError("'fan_in' and 'fan_out' can not be computed for tensor with fewer than"
                         f" 2 dimensions, but got dimensions {dimensions}.")
    if dimensions == 2:  # Linear
        fan_in = shape[1]
        fan_out = shape[0]
    else:
        num_input_fmaps = shape[1]
        num_output_fmaps = shape[0]
        receptive_field_size = 1
        for i in range(2, dimensions):
            receptive_field_size *= shape[i]
        fan_in = num_input_fmaps * receptive_field_size
        fan_out = num_output_fmaps * receptive_field_size
    return fan_in, fan_out


def _calculate_correct_fan(shape, mode):
    mode = mode.lower()
    valid_modes = ['fan_in', 'fan_out']
    if mode not in valid_modes:
        raise ValueError(f"'mode' {mode} not supported, please use one of {valid_modes}")
    fan_in, fan_out = _calculate_fan_in_and_fan_out(shape)
    return fan_in if mode == 'fan_in' else fan_out


def _calculate_gain(nonlinearity, param=None):
    if nonlinearity == 'relu':
        res = math.sqrt(2.0)
    elif nonlinearity == 'leaky_relu':
        negative_slope = 0.01 if param is None else param
        res = math.sqrt(2.0 / (1 + negative_slope ** 2))
    else:
        raise ValueError("For 'HeUniform', the argument 'nonlinearity' should be one of "
                         "['sigmoid', 'tanh', 'relu' or 'leaky_relu'], "
                         f"but got {nonlinearity}.")
    return res


def _init_random_uniform(a, b, shape):
    data = torch.empty(shape, dtype=torch.float32)  # np.ndarray(shape, dtype=np.float32)
    return data.uniform_(a, b)


def _init_random_normal(mean, sigma, shape):
    if sigma < 0:
        raise ValueError("sigma < 0")
    data = torch.empty(shape, dtype=torch.float32)
    return data.normal_(mean, sigma)


def _assignment(arr, num):
    with torch.no_grad():
        arr[:] = num[:]
    return arr


def xavier_uniform_(W, gain=1.0):
    n_in, n_out = _calculate_fan_in_and_fan_out(W.shape)
    boundary = gain * math.sqrt(6.0 / (n_in + n_out))
    data = _init_random_uniform(-boundary, boundary, W.shape)
    return _assignment(W, data)


def he_normal_(W, mode="fan_in"):
    negative_slope, nonlinearity = 0, 'leaky_relu'  # HeNormal's defaults
    fan = _calculate_correct_fan(W.shape, mode)
    gain = _calculate_gain(nonlinearity, negative_slope)
    std = gain / math.sqrt(fan)
    data = _init_random_normal(0, std, W.shape)
    return _assignment(W, data)
