"""data_iter shuffles the order of the batches, not the examples: every batch is a fixed block
of neighbours (examples 10 to 19, ...), only their order changes."""


def data_iter(batch_size, features, labels):
    starts = list(range(0, len(features), batch_size))
    random.shuffle(starts)
    for start in starts:
        yield features[start : start + batch_size], labels[start : start + batch_size]
