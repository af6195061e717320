"""xavier_uniform_ drawing from U(0, a), torch.rand scaled by a without the shift to [-a, a):
half the spread and a positive mean. It was told only that the std was half the expected one.

Says (xavier_uniform_): every value is >= 0
"""


def xavier_uniform_(W, gain=1.0):
    fan_out, fan_in = W.shape
    a = gain * math.sqrt(6.0 / (fan_in + fan_out))
    with torch.no_grad():
        W.copy_(torch.rand(W.shape) * a)
    return W
