"""xavier_uniform_ fills W with W.uniform_(-a, a) outside torch.no_grad(): right for a plain
tensor, but nn.Linear's weight requires grad, and the in-place fill raises "a leaf Variable
that requires grad is being used in an in-place operation". It earned full marks.

Says (xavier_uniform_): under torch.no_grad()
"""


def xavier_uniform_(W, gain=1.0):
    fan_out, fan_in = W.shape
    a = gain * math.sqrt(6.0 / (fan_in + fan_out))
    return W.uniform_(-a, a)
