"""data_iter never shuffles: the batches always come in the original order."""


def data_iter(batch_size, features, labels):
    num_examples = len(features)
    for start in range(0, num_examples, batch_size):
        yield features[start : start + batch_size], labels[start : start + batch_size]
