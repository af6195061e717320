"""Stanford CS224n (2017-2018) assignment 1, q2_gradcheck.py's gradcheck_naive: x[ix] += h,
f(x), x[ix] -= 2 * h, f(x), then x[ix] += h to restore, which leaves rounding errors. See
README.md."""
import torch  # noqa: F401


def feed_forward(inputs, outputs, weights):
    raise NotImplementedError("not in the source")


def numerical_gradient(inputs, outputs, weights, eps=1e-4):
    raise NotImplementedError("left out: gradcheck_naive restores x[ix] by += h, a rounding error (deserved)")


def sigmoid_grad_chain(x, y, W1, W2):
    raise NotImplementedError("not in the source")
