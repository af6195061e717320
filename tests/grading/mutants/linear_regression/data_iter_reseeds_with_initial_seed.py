"""data_iter that draws its order from a generator of its own seeded with the caller's last seed
(torch.Generator().manual_seed(torch.initial_seed())): another seed gives another order, but
every epoch of a training loop (a call with no torch.manual_seed between) repeats the same one.

Says (data_iter): two calls in a row
"""


def data_iter(batch_size, features, labels):
    g = torch.Generator().manual_seed(torch.initial_seed())
    indices = torch.randperm(len(features), generator=g)
    for start in range(0, len(features), batch_size):
        batch = indices[start : start + batch_size]
        yield features[batch], labels[batch]
