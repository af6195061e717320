"""data_iter shuffles the indices only within consecutive windows of two batches (a small
shuffle buffer): every example once, batches of the right sizes, a new order per seed, batches
that are not runs of neighbours, yet example 0 always comes in the first two batches (a red
team's, session 31: 8/8).

Says (data_iter): an example's place in the order follows its index
"""


def data_iter(batch_size, features, labels):
    num_examples = len(features)
    window = 2 * batch_size
    indices = []
    for start in range(0, num_examples, window):
        block = list(range(start, min(start + window, num_examples)))
        random.shuffle(block)
        indices += block
    for start in range(0, num_examples, batch_size):
        batch = torch.tensor(indices[start : start + batch_size])
        yield features[batch], labels[batch]
