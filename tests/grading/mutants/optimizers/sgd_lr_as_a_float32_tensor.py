"""SGD with torch.tensor(lr), a float32 tensor (0.03 becomes 0.0299999993): every float64 step is
off by a few parts in 10^9, and after a few steps the parameters leave torch's path. It was told
that the state it returns is wrong, though SGD keeps none (a red team's, session 30).

Says (sgd_step): takes its hyperparameters as float32 numbers
"""

import torch


def sgd_step(params, grads, state, lr):
    lr = torch.tensor(lr)
    return [p - lr * g for p, g in zip(params, grads, strict=True)], {}
