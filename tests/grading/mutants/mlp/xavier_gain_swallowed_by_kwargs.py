"""xavier_uniform_ that takes the gain only by position: a gain passed by name,
xavier_uniform_(W, gain=2.0), lands in **kwargs and is ignored, so the bound stays gain 1's.

Says (xavier_uniform_): the gain given by name was not used
"""


def xavier_uniform_(W, *args, **kwargs):
    gain = args[0] if args else 1.0
    fan_out, fan_in = W.shape
    a = gain * math.sqrt(6 / (fan_in + fan_out))
    with torch.no_grad():
        return W.uniform_(-a, a)
