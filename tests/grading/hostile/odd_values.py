"""Honest mistakes of odd types: synthetic_data returns an int64 X, sgd empties the params
list, linreg returns complex numbers. Each must get a message for the student, not "grader
error"; squared_loss and closed_form are right."""


def synthetic_data(w, b, num_examples):
    X = torch.randint(0, 10, (num_examples, len(w)))
    return X, (X.to(w.dtype) @ w + b).reshape(-1, 1)


def sgd(params, lr, batch_size):
    params.clear()


def linreg(X, w, b):
    return (X @ w + b).to(torch.complex64)
