"""Theano's Deep Learning Tutorials (code/mlp.py): HiddenLayer's W, uniform in
+-sqrt(6 / (n_in + n_out)), times 4 for a sigmoid (the gain here), drawn as (n_in, n_out) (a
symmetric bound: the layout does not matter); a 4-d W as convolutional_mlp.py's
LeNetConvPoolLayer does it (fan_out divided by the pool size, here 1 x 1);
numpy_rng.uniform -> torch's generator."""
import numpy
import torch


def mlp_forward(X, W1, b1, W2, b2):
    raise NotImplementedError("not in the source")


def linear_backward(X, W, dY):
    raise NotImplementedError("not in the source")


def relu_backward(Z, dH):
    raise NotImplementedError("not in the source")


def mlp_backward(X, y, W1, b1, W2, b2):
    raise NotImplementedError("not in the source")


def xavier_uniform_(W, gain=1.0):
    if W.dim() > 2:  # convolutional_mlp.py's LeNetConvPoolLayer, no pooling
        filter_shape, poolsize = tuple(W.shape), (1, 1)
        fan_in = numpy.prod(filter_shape[1:])
        fan_out = (filter_shape[0] * numpy.prod(filter_shape[2:]) // numpy.prod(poolsize))
        W_bound = numpy.sqrt(6. / (fan_in + fan_out))
    else:  # HiddenLayer, W of shape (n_in, n_out) there
        n_out, n_in = W.shape
        W_bound = numpy.sqrt(6. / (n_in + n_out))
    W_values = torch.empty(W.shape, dtype=W.dtype).uniform_(-W_bound, W_bound)
    W_values *= gain  # `if activation == theano.tensor.nnet.sigmoid: W_values *= 4`
    with torch.no_grad():
        W.copy_(W_values)
    return W


def he_normal_(W, mode="fan_in"):
    raise NotImplementedError("not in the source")
