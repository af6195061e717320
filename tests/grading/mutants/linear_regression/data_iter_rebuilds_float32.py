"""data_iter that rebuilds each batch from Python lists (torch.Tensor(features[idx].tolist())):
right for float32 features and labels, but float64 features and int64 class labels come back
as float32 (torch.Tensor is the float32 constructor).

Says (data_iter): indexing keeps the dtype
"""


def data_iter(batch_size, features, labels):
    indices = list(range(len(features)))
    random.shuffle(indices)
    for start in range(0, len(indices), batch_size):
        batch = indices[start : start + batch_size]
        yield torch.Tensor(features[batch].tolist()), torch.Tensor(labels[batch].tolist())
