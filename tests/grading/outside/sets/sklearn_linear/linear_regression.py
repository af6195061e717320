"""scikit-learn: datasets/_samples_generator.py's make_regression (X by standard_normal, y =
X @ ground_truth + bias, noise by normal(scale=noise) on y's shape, rows shuffled together),
linear_model/_base.py's LinearRegression.fit (_preprocess_data centres X and y on their means,
scipy.linalg.lstsq on the centred data, _set_intercept: y_offset - X_offset @ coef_.T) and
LinearModel._decision_function (X @ coef_.T + intercept_). NumPy -> torch."""
import torch


def synthetic_data(w, b, num_examples):  # make_regression(n, d, bias=b, noise=0.01, coef=w)
    n_samples, n_features, bias, noise = num_examples, len(w), b, 0.01
    X = torch.randn(n_samples, n_features, dtype=w.dtype)  # generator.standard_normal(size=...)
    ground_truth = w.reshape(n_features, 1)  # (n_features, n_targets)
    y = X @ ground_truth + bias  # np.dot(X, ground_truth) + bias
    if noise > 0.0:
        y += torch.normal(0.0, noise, size=y.shape, dtype=y.dtype)
    # shuffle=True: util_shuffle(X, y), the rows of both by one permutation
    indices = torch.randperm(n_samples)
    X, y = X[indices], y[indices]
    return X, y  # np.squeeze(y) left out: n_targets = 1 would make it (n,)


def data_iter(batch_size, features, labels):
    raise NotImplementedError("not in the source")


def _preprocess_data(X, y):
    X_offset = X.mean(dim=0)  # np.average(X, axis=0)
    X = X - X_offset
    y_offset = y.mean(dim=0)
    y = y - y_offset
    X_scale = torch.ones(X.shape[1], dtype=X.dtype)
    return X, y, X_offset, y_offset, X_scale


def linreg(X, w, b):  # _decision_function: safe_sparse_dot(X, coef_.T) + intercept_
    coef_, intercept_ = w.T, b
    return X @ coef_.T + intercept_


def squared_loss(y_hat, y):
    raise NotImplementedError("not in the source")


def sgd(params, lr, batch_size):
    raise NotImplementedError("not in the source")


def closed_form(X, y):  # LinearRegression(fit_intercept=True).fit(X, y), dense, no weights
    X, y, X_offset, y_offset, X_scale = _preprocess_data(X, y)
    coef_ = torch.linalg.lstsq(X, y if y.ndim == 2 else y[:, None]).solution  # linalg.lstsq
    coef_ = coef_.T
    if y.ndim == 1:
        coef_ = coef_.ravel()
    coef_ = coef_ / X_scale  # _set_intercept
    intercept_ = y_offset - X_offset @ coef_.T
    return coef_.reshape(-1, 1), intercept_.reshape(())
