"""pmtk3 (Murphy and Dunham's MATLAB toolbox for "Machine Learning: a Probabilistic
Perspective"): linregFit.m with its default preprocessor (addOnes: X = [ones(N, 1) X], the ones
FIRST), regType 'l2' at lambda 0 ("ridge using QR"): w = X \\ y, and linregPredict.m (yhat =
X * model.w on the same preprocessing). MATLAB -> torch: the backslash of a tall matrix is a QR
least-squares solve, written out as torch.linalg.qr and a triangular solve."""
import torch


def synthetic_data(w, b, num_examples):
    raise NotImplementedError("not in the source")


def data_iter(batch_size, features, labels):
    raise NotImplementedError("not in the source")


def _add_ones(X):  # preprocessorApplyToTrain / ToTest with addOnes = true
    N = X.shape[0]
    return torch.cat([torch.ones(N, 1, dtype=X.dtype), X], dim=1)  # [ones(N,1) X]


def _backslash(A, B):  # A \ B for a tall A: [Q, R] = qr(A, 0); R \ (Q' * B)
    Q, R = torch.linalg.qr(A, mode="reduced")
    return torch.linalg.solve_triangular(R, Q.T @ B, upper=True)


def linreg(X, w, b):  # linregPredict: yhat = X * model.w, model.w = [w0; w]
    model_w = torch.cat([b.reshape(1, 1), w], dim=0)
    return _add_ones(X) @ model_w


def squared_loss(y_hat, y):
    raise NotImplementedError("not in the source")


def sgd(params, lr, batch_size):
    raise NotImplementedError("not in the source")


def closed_form(X, y):  # model = linregFit(X, y): lambda = 0, so w = X \ y
    X = _add_ones(X)
    y = y.reshape(-1, 1)  # y(:), the N*1 response vector
    w = _backslash(X, y)
    return w[1:], w[0, 0]
