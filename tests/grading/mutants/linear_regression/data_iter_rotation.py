"""data_iter that starts at a random example and then takes the others in their original order
(wrapping around): a rotation, not a shuffle, although its batches are not always runs of
neighbours.

Says (data_iter): shifted or reversed
"""


def data_iter(batch_size, features, labels):
    num_examples = len(features)
    start = random.randrange(num_examples)
    indices = [(start + i) % num_examples for i in range(num_examples)]
    for first in range(0, num_examples, batch_size):
        batch = torch.tensor(indices[first : first + batch_size])
        yield features[batch], labels[batch]
