"""relu that builds its result on the meta device: a tensor of the right shape with no values.

Says (relu): a tensor on the meta device, which holds no values
"""

import torch


def relu(x):
    return torch.empty_like(x, device="meta")
