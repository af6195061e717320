"""xavier_uniform_ whose gain parameter is called `scale`, so xavier_uniform_(W, gain=2.0)
raises TypeError.

Says (xavier_uniform_): keep the stub's signature
"""


def xavier_uniform_(W, scale=1.0):
    fan_out, fan_in = W.shape
    a = scale * math.sqrt(6 / (fan_in + fan_out))
    with torch.no_grad():
        return W.uniform_(-a, a)
