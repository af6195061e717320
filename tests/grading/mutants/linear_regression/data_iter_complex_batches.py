"""data_iter yields complex copies of the feature batches instead of features[idx] itself.

Says (data_iter): expected dtype torch.float32
"""


def data_iter(batch_size, features, labels):
    indices = list(range(len(features)))
    random.shuffle(indices)
    for i in range(0, len(indices), batch_size):
        idx = torch.tensor(indices[i : i + batch_size])
        yield features[idx].to(torch.complex64), labels[idx]
