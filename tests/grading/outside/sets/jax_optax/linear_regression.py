"""optax (google-deepmind/optax, Apache-2.0): losses.l2_loss = 0.5 * squared_error, which
asserts equal shapes: y is reshaped to y_hat's shape to call it."""


def synthetic_data(w, b, num_examples):
    raise NotImplementedError("not in the source")


def data_iter(batch_size, features, labels):
    raise NotImplementedError("not in the source")


def linreg(X, w, b):
    raise NotImplementedError("not in the source")


def squared_loss(y_hat, y):
    # optax.l2_loss(predictions, targets) = 0.5 * optax.squared_error(predictions, targets)
    predictions, targets = y_hat, y.reshape(y_hat.shape)
    errors = predictions - targets
    return 0.5 * errors**2


def sgd(params, lr, batch_size):
    raise NotImplementedError("not in the source")


def closed_form(X, y):
    raise NotImplementedError("not in the source")
