"""JAX: jax.nn.softmax (exp(x - stop_gradient(max))), jax.nn.one_hot (x[..., None] ==
arange(num_classes), float32); stop_gradient is .detach()."""
import torch


def softmax(X):
    axis = -1
    x_max = torch.amax(X, axis, keepdim=True)
    unnormalized = torch.exp(X - x_max.detach())  # lax.stop_gradient
    return unnormalized / torch.sum(unnormalized, axis, keepdim=True)


def cross_entropy(y_hat, y):
    raise NotImplementedError("not in the source")


def accuracy(y_hat, y):
    raise NotImplementedError("not in the source")


def one_hot(y, num_classes):
    # jax.nn.one_hot: jnp.asarray(x[..., None] == jnp.arange(num_classes), dtype)
    return torch.as_tensor(y[..., None] == torch.arange(num_classes), dtype=torch.float32)


def entropy(p):
    raise NotImplementedError("not in the source")
