"""synthetic_data's "noise" is 0.01 times the first feature, no draw of its own: it has mean 0,
standard deviation 0.01 and normal tails, but y = X (w + 0.01 e_0) + b exactly (a red team's,
session 31: 5/5).

Says (synthetic_data): draw the noise on its own
"""


def synthetic_data(w, b, num_examples):
    X = torch.normal(0.0, 1.0, (num_examples, len(w)), dtype=w.dtype)
    y = X @ w + b + 0.01 * X[:, 0]
    return X, y.reshape(-1, 1)
