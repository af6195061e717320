"""xavier_uniform_ whose default gain is ReLU's sqrt(2), not the docstring's 1."""
import math


def xavier_uniform_(W, gain=2**0.5):
    fan_out, fan_in = W.shape
    a = gain * math.sqrt(6 / (fan_in + fan_out))
    with torch.no_grad():
        return W.uniform_(-a, a)
