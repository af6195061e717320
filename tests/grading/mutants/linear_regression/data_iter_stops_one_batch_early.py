"""data_iter's range stops one batch early (range(0, n - batch_size, batch_size)): the last batch,
full where batch_size divides n, is never yielded.

Says (data_iter): Did you drop the last batch?
"""


def data_iter(batch_size, features, labels):
    num_examples = len(features)
    indices = list(range(num_examples))
    random.shuffle(indices)
    for start in range(0, num_examples - batch_size, batch_size):
        batch = torch.tensor(indices[start : start + batch_size])
        yield features[batch], labels[batch]
