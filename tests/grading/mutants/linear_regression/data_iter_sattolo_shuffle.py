"""data_iter with a hand-written Fisher-Yates shuffle one off (j = random.randrange(i) instead of
random.randrange(i + 1), Sattolo's algorithm): it only ever makes one long cycle, so no example
ever stays in its place, and only (n - 1)! of the n! orders can come out.

Says (data_iter): one single cycle
"""


def data_iter(batch_size, features, labels):
    indices = list(range(len(features)))
    for i in range(len(indices) - 1, 0, -1):
        j = random.randrange(i)
        indices[i], indices[j] = indices[j], indices[i]
    for start in range(0, len(indices), batch_size):
        batch = torch.tensor(indices[start : start + batch_size])
        yield features[batch], labels[batch]
