"""relu through torch.nn.functional imported as F: right values, not written by hand."""

import torch.nn.functional as F


def relu(x):
    return F.relu(x)
