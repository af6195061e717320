"""timm (huggingface/pytorch-image-models) timm/layers/weight_init.py variance_scaling_
(fan_in, fan_out = torch.nn.init._calculate_fan_in_and_fan_out(tensor); denom by mode;
variance = scale / denom; 'normal': tensor.normal_(std=sqrt(variance)); 'uniform':
bound = sqrt(3 * variance), tensor.uniform_(-bound, bound)). Xavier uniform is
variance_scaling_(W, gain ** 2, 'fan_avg', 'uniform'); He normal variance_scaling_(W, 2.0,
mode, 'normal'), as lecun_normal_ is variance_scaling_(W, mode='fan_in', 'truncated_normal')."""
import math

import torch
from torch.nn.init import _calculate_fan_in_and_fan_out


def variance_scaling_(tensor, scale=1.0, mode="fan_in", distribution="normal"):
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    if mode == "fan_in":
        denom = fan_in
    elif mode == "fan_out":
        denom = fan_out
    elif mode == "fan_avg":
        denom = (fan_in + fan_out) / 2

    variance = scale / denom

    if distribution == "normal":
        with torch.no_grad():
            tensor.normal_(std=math.sqrt(variance))
    elif distribution == "uniform":
        bound = math.sqrt(3 * variance)
        with torch.no_grad():
            tensor.uniform_(-bound, bound)
    else:
        raise ValueError(f"invalid distribution {distribution}")
    return tensor


def mlp_forward(X, W1, b1, W2, b2):
    raise NotImplementedError("not in the source")


def linear_backward(X, W, dY):
    raise NotImplementedError("not in the source")


def relu_backward(Z, dH):
    raise NotImplementedError("not in the source")


def mlp_backward(X, y, W1, b1, W2, b2):
    raise NotImplementedError("not in the source")


def xavier_uniform_(W, gain=1.0):
    return variance_scaling_(W, gain**2, "fan_avg", "uniform")


def he_normal_(W, mode='fan_in'):
    raise NotImplementedError("left out: timm's variance_scaling_ also takes mode='fan_avg'")
