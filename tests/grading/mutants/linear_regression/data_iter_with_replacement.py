"""data_iter samples indices with replacement, so some examples repeat and others never appear."""


def data_iter(batch_size, features, labels):
    num_examples = len(features)
    for start in range(0, num_examples, batch_size):
        size = min(batch_size, num_examples - start)
        batch = torch.randint(0, num_examples, (size,))
        yield features[batch], labels[batch]
