"""scikit-learn: LogisticRegression.predict (scores.argmax(axis=1)) and
metrics/_classification.py's accuracy_score (np.average(y_true == y_pred)). NumPy -> torch."""
import torch


def softmax(X):
    raise NotImplementedError("in place, so not differentiable in torch: see _WRONG_OUTSIDE")


def cross_entropy(y_hat, y):
    raise NotImplementedError("not in the source: log_loss averages, with eps clipping")


def accuracy(y_hat, y):  # accuracy_score(y, clf.predict(X)), normalize=True
    y_pred = y_hat.argmax(dim=1)  # LinearClassifierMixin.predict: indices = scores.argmax(1)
    score = y == y_pred
    return float(score.to(torch.float64).mean())  # _average(score): a NumPy float64


def one_hot(y, num_classes):
    raise NotImplementedError("not in the source")


def entropy(p):
    raise NotImplementedError("not in the source: metrics.cluster's entropy counts labels")
