"""data_iter drops the last partial batch."""


def data_iter(batch_size, features, labels):
    num_examples = len(features)
    indices = list(range(num_examples))
    random.shuffle(indices)
    for start in range(0, num_examples - batch_size + 1, batch_size):
        batch = torch.tensor(indices[start : start + batch_size])
        yield features[batch], labels[batch]
