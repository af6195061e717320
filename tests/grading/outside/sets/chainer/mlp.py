"""Chainer chainer/initializers/: normal.py HeNormal(scale=1.0, fan_option='fan_in') (fan_in,
fan_out = initializer.get_fans(array.shape); s = scale * numpy.sqrt(2. / fan); Normal(s)),
uniform.py GlorotUniform(scale=1.0) (s = scale * numpy.sqrt(6. / (fan_in + fan_out));
Uniform(s)), initializer.py get_fans (fan_in = reduce(mul, shape[1:]); fan_out = shape[0] *
reduce(mul, shape[2:], 1)); ValueError for another fan_option. Drawn with torch's generator."""
import functools
import operator

import numpy
import torch


def get_fans(shape):
    if not isinstance(shape, tuple):
        raise ValueError("shape must be tuple")
    if len(shape) < 2:
        raise ValueError(f"shape must be of length >= 2: shape={shape}")
    receptive_field_size = functools.reduce(operator.mul, shape[2:], 1)
    fan_in = shape[1] * receptive_field_size
    fan_out = shape[0] * receptive_field_size
    return fan_in, fan_out


def mlp_forward(X, W1, b1, W2, b2):
    raise NotImplementedError("not in the source")


def linear_backward(X, W, dY):
    raise NotImplementedError("not in the source")


def relu_backward(Z, dH):
    raise NotImplementedError("not in the source")


def mlp_backward(X, y, W1, b1, W2, b2):
    raise NotImplementedError("not in the source")


def xavier_uniform_(W, gain=1.0):
    scale = gain
    fan_in, fan_out = get_fans(tuple(W.shape))
    s = scale * numpy.sqrt(6.0 / (fan_in + fan_out))
    with torch.no_grad():
        W.uniform_(-s, s)  # Uniform(s): xp.random.uniform(-s, s, shape)
    return W


def he_normal_(W, mode="fan_in"):
    scale, fan_option = 1.0, mode
    fan_in, fan_out = get_fans(tuple(W.shape))
    if fan_option == "fan_in":
        s = scale * numpy.sqrt(2.0 / fan_in)
    elif fan_option == "fan_out":
        s = scale * numpy.sqrt(2.0 / fan_out)
    else:
        raise ValueError("fan_option should be either 'fan_in' or 'fan_out'.")
    with torch.no_grad():
        W.normal_(0, s)  # Normal(s): xp.random.normal(0, s, shape)
    return W
