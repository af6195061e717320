"""xavier_uniform_ that swaps in new storage drawn in torch's default dtype, W.data =
torch.empty(W.shape).uniform_(-a, a): the same tensor object, right in float32, but a float64
W comes back float32.

Says (xavier_uniform_): dtype
"""


def xavier_uniform_(W, gain=1.0):
    fan_out, fan_in = W.shape
    bound = gain * math.sqrt(6 / (fan_in + fan_out))
    W.data = torch.empty(W.shape).uniform_(-bound, bound)
    return W
