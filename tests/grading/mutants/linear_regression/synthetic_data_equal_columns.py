"""synthetic_data draws one N(0, 1) number per example and copies it into every column: X has
the right mean, spread and tails and distinct rows, but rank 1, so w cannot be recovered from
(X, y) (a red team's, session 31: 5/5).

Says (synthetic_data): every entry of X must be its own draw
"""


def synthetic_data(w, b, num_examples):
    x = torch.normal(0.0, 1.0, (num_examples, 1), dtype=w.dtype)
    X = x.expand(-1, len(w)).clone()
    y = X @ w + b + torch.normal(0.0, 0.01, (num_examples,), dtype=w.dtype)
    return X, y.reshape(-1, 1)
