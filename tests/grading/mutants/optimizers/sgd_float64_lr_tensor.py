"""sgd_step multiplies by lr as a float64 0-dim tensor: a float32 0-dim parameter (a scalar
weight) comes back float64. Only momentum_step was run with float32 parameters (a red team's,
session 32: 4/4).

Says (sgd_step): build no float64 tensor of your own
"""


def sgd_step(params, grads, state, lr):
    lr = torch.tensor(lr, dtype=torch.float64)
    return [p - lr * g for p, g in zip(params, grads, strict=True)], {}
