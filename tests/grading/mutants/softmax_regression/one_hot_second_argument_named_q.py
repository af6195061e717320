"""one_hot(y, q): the right values by position, but one_hot(y, num_classes=4), with the name the
docstring gives the parameter, raises TypeError.

Says (one_hot): Keep the parameter's name num_classes
"""

import torch


def one_hot(y, q):
    encoded = torch.zeros(len(y), q, dtype=torch.float32)
    encoded[torch.arange(len(y)), y] = 1.0
    return encoded
