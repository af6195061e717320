"""data_iter cuts batches with itertools.islice from an iterator over a torch.randperm tensor:
each batch is a Python list of 0-d tensors, which torch reads as one index per dimension
(IndexError: too many indices), not as a list of rows.

Says (data_iter): one tensor of indices
"""

import itertools


def data_iter(batch_size, features, labels):
    order = iter(torch.randperm(len(features)))
    while batch := list(itertools.islice(order, batch_size)):
        yield features[batch], labels[batch]
