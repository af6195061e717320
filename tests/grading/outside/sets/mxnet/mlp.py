"""apache/mxnet python/mxnet/initializer.py: Xavier(rnd_type, factor_type, magnitude)._init_weight
(hw_scale = prod(shape[2:]); fan_in = shape[1] * hw_scale; fan_out = shape[0] * hw_scale;
factor by factor_type 'avg' / 'in' / 'out', else raise ValueError('Incorrect factor type');
scale = np.sqrt(magnitude / factor); uniform(-scale, scale) or normal(0, scale)) and
MSRAPrelu(factor_type, slope=0) = Xavier('gaussian', factor_type, 2. / (1 + slope ** 2)).
Xavier uniform with gain is magnitude = 3 * gain ** 2; mode 'fan_in' -> factor_type 'in'."""
import numpy as np
import torch


def _xavier(arr, rnd_type="uniform", factor_type="avg", magnitude=3):
    shape = arr.shape
    hw_scale = 1.0
    if len(shape) < 2:
        raise ValueError("Xavier initializer cannot be applied to vector. It requires at least 2D.")
    if len(shape) > 2:
        hw_scale = np.prod(shape[2:])
    fan_in, fan_out = shape[1] * hw_scale, shape[0] * hw_scale
    factor = 1.0
    if factor_type == "avg":
        factor = (fan_in + fan_out) / 2.0
    elif factor_type == "in":
        factor = fan_in
    elif factor_type == "out":
        factor = fan_out
    else:
        raise ValueError("Incorrect factor type")
    scale = np.sqrt(magnitude / factor)
    with torch.no_grad():
        if rnd_type == "uniform":
            arr.uniform_(-scale, scale)
        elif rnd_type == "gaussian":
            arr.normal_(0, scale)
        else:
            raise ValueError("Unknown random type")
    return arr


def mlp_forward(X, W1, b1, W2, b2):
    raise NotImplementedError("not in the source")


def linear_backward(X, W, dY):
    raise NotImplementedError("not in the source")


def relu_backward(Z, dH):
    raise NotImplementedError("not in the source")


def mlp_backward(X, y, W1, b1, W2, b2):
    raise NotImplementedError("not in the source")


def xavier_uniform_(W, gain=1.0):
    return _xavier(W, "uniform", "avg", 3 * gain**2)


def he_normal_(W, mode='fan_in'):
    raise NotImplementedError("left out: MXNet's factor types 'in'/'out'/'avg' are accepted as modes")
