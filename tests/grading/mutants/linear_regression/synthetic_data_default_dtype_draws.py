"""synthetic_data whose draws keep torch's default dtype (float32): with a float64 w the
product X @ w raises a dtype error. The message showed only that error.

Says (synthetic_data): dtype=w.dtype
"""


def synthetic_data(w, b, num_examples):
    X = torch.normal(0, 1, (num_examples, len(w)))
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.01, y.shape)
    return X, y.reshape((-1, 1))
