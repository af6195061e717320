"""Stevens, Antiga & Viehmann, "Deep Learning with PyTorch" (deep-learning-with-pytorch/
dlwpt-code; licence: see README.md), p1ch5: the autograd training loop's update (zero the
grad if there is one, then params -= learning_rate * params.grad under torch.no_grad())."""
import torch


def synthetic_data(w, b, num_examples):
    raise NotImplementedError("not in the source")


def data_iter(batch_size, features, labels):
    raise NotImplementedError("not in the source")


def _model(t_u, w, b):  # p1ch5 model, as written
    return w * t_u + b


def linreg(X, w, b):
    raise NotImplementedError("left out: _model's w * t_u + b is for one feature (deserved)")


def squared_loss(y_hat, y):
    raise NotImplementedError("not in the source")


def sgd(params, lr, batch_size):
    # 2_autograd.ipynb training_loop, after loss.backward(); the book's loss is a mean, ours a
    # sum over the minibatch, hence / batch_size; the grad zeroed as the loop's next epoch does
    for p in params:
        with torch.no_grad():
            p -= lr * p.grad / batch_size
        if p.grad is not None:
            p.grad.zero_()


def closed_form(X, y):
    raise NotImplementedError("not in the source")
