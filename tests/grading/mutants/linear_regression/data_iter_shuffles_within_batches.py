"""data_iter shuffles inside each batch only: batch k always holds examples k*batch_size to
(k+1)*batch_size - 1, in a random order, so no batch ever mixes other examples."""


def data_iter(batch_size, features, labels):
    num_examples = len(features)
    for start in range(0, num_examples, batch_size):
        batch = torch.randperm(min(batch_size, num_examples - start)) + start
        yield features[batch], labels[batch]
