"""tanh_grad from tanh written with exp(2x): inf / inf is nan in float32 beyond x = 44.

Says (tanh_grad): inf or nan
"""


def tanh_grad(x):
    e = torch.exp(2 * x)
    t = (e - 1) / (e + 1)
    return 1 - t * t
