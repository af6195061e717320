"""data_iter whose slice ends one too early, indices[i:i + batch_size - 1]: every batch is one
example short and one example per batch is never seen. The message asked whether the last
batch was dropped.

Says (data_iter): one short
"""


def data_iter(batch_size, features, labels):
    indices = list(range(len(features)))
    random.shuffle(indices)
    for i in range(0, len(indices), batch_size):
        j = torch.tensor(indices[i:i + batch_size - 1])
        yield features[j], labels[j]
