"""one_hot switches to float64 when there are more than 10 classes: the docstring asks for
float32 whatever the number of classes.

Says (one_hot): expected dtype torch.float32
"""

import torch


def one_hot(y, num_classes):
    dtype = torch.float32 if num_classes <= 10 else torch.float64
    encoded = torch.zeros(len(y), num_classes, dtype=dtype)
    encoded[torch.arange(len(y)), y] = 1.0
    return encoded
