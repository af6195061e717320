"""Keras 3 numpy backend: softmax (axis=-1, as keras.ops.softmax), one_hot, and
metrics.sparse_categorical_accuracy under the Mean metric."""
import torch


def softmax(X):
    axis = -1
    exp_x = torch.exp(X - torch.amax(X, dim=axis, keepdim=True))
    return exp_x / torch.sum(exp_x, dim=axis, keepdim=True)


def cross_entropy(y_hat, y):
    # sparse_categorical_crossentropy(from_logits=False)
    raise NotImplementedError('left out: sparse_categorical_crossentropy clips at epsilon() = 1e-7 (deserved)')


def accuracy(y_hat, y):
    # sparse_categorical_accuracy, then the Mean metric
    matches = (y == torch.argmax(y_hat, dim=-1)).to(torch.float32)
    return torch.mean(matches)


def one_hot(y, num_classes):
    input_shape = tuple(y.shape)
    x = y.reshape(-1)
    batch_size = x.shape[0]
    categorical = torch.zeros((batch_size, num_classes), dtype=torch.float32)
    valid_indices = x >= 0
    categorical[torch.arange(batch_size)[valid_indices], x[valid_indices]] = 1
    return torch.reshape(categorical, input_shape + (num_classes,))


def entropy(p):
    raise NotImplementedError("not in the source")
