"""data_iter shuffles once per dataset size with a fixed seed, keeps that order, and on each
call only starts it at a random place: every pass looks shuffled, but there are n orders instead
of n!, with the same neighbours every epoch (a red team's, session 31: 8/8).

Says (data_iter): put the same examples side by side
"""

_ORDERS = {}


def data_iter(batch_size, features, labels):
    num_examples = len(features)
    if num_examples not in _ORDERS:
        order = list(range(num_examples))
        random.Random(12345).shuffle(order)
        _ORDERS[num_examples] = order
    order = _ORDERS[num_examples]
    start = random.randrange(num_examples) if num_examples else 0
    indices = order[start:] + order[:start]
    for first in range(0, num_examples, batch_size):
        batch = torch.tensor(indices[first : first + batch_size])
        yield features[batch], labels[batch]
