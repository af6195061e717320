"""tinygrad's SGD with weight_decay: g = grad + wd * w, then w - g * lr with lr a float32
tensor, so float64 weights move by 0.200000003 * g instead of 0.2 * g. The message said only
that the values do not match.

Says (weight_decay_step): takes the rates as float32 numbers
"""


def weight_decay_step(w, grad, lr, weight_decay):
    g = grad + weight_decay * w.detach()
    return (w.detach() - g * torch.tensor(lr, dtype=torch.float32)).to(w.dtype)
