"""data_iter that, when batch_size covers every example, yields features and labels themselves:
one batch in the original order, the same on every call, where the docstring asks for a random
order that changes from call to call.

Says (data_iter): Do not yield features and labels
"""


def data_iter(batch_size, features, labels):
    n = len(features)
    if batch_size >= n:
        yield features, labels
        return
    order = torch.randperm(n)
    for start in range(0, n, batch_size):
        idx = order[start : start + batch_size]
        yield features[idx], labels[idx]
