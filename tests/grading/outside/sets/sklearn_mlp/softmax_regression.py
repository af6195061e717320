"""scikit-learn: sklearn/neural_network/_base.py inplace_softmax and log_loss (clip to
[eps, 1 - eps] with eps = np.finfo(y_prob.dtype).eps, then -xlogy(Y, y_prob) with Y the
LabelBinarizer one-hot; the per-example sum over classes is taken instead of the final
.sum() / n); sklearn/preprocessing/_label.py label_binarize (one-hot) and
sklearn/metrics/_classification.py accuracy_score (_weighted_sum(y_true == y_pred, None,
normalize=True) = np.average). Ported to torch."""
import torch


# _base.py inplace_softmax, on a copy
def softmax(X):
    raise NotImplementedError("left out: the in-place X /= ... breaks autograd")


# _base.py log_loss, per example
def cross_entropy(y_hat, y):
    eps = torch.finfo(y_hat.dtype).eps
    y_prob = torch.clip(y_hat, eps, 1 - eps)
    y_true = one_hot(y, y_hat.shape[1]).to(y_hat.dtype)
    return -torch.xlogy(y_true, y_prob).sum(dim=1)


# metrics accuracy_score: y_pred from MLPClassifier.predict (argmax), score = np.average(y_true == y_pred)
def accuracy(y_hat, y):
    y_pred = y_hat.argmax(dim=1)
    y_true_eq = y == y_pred
    return float(torch.mean(y_true_eq.to(torch.float64)))


# preprocessing/_label.py label_binarize (dense): Y = np.zeros((n_samples, n_classes), dtype=int);
# Y[np.arange(n), y_idx] = pos_label; MLPClassifier then casts with astype(float) -- here float32
def one_hot(y, num_classes):
    Y = torch.zeros((len(y), num_classes), dtype=torch.int64)
    Y[torch.arange(len(y)), y] = 1
    return Y.to(torch.float32)


def entropy(p):
    raise NotImplementedError("not in the source")
