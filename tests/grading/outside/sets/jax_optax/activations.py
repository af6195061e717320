"""JAX (google/jax, Apache-2.0), jax/_src/nn/functions.py: relu (jnp.maximum(x, 0) with its
custom_jvp, slope 0 at 0, as a torch.autograd.Function), leaky_relu (jnp.where(x >= 0, x,
negative_slope * x)). See README.md."""
import torch


class _Relu(torch.autograd.Function):
    # jax.nn.relu: jnp.maximum(x, 0) with the custom_jvp g * where(x > 0, 1, 0)
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return torch.maximum(x, torch.zeros((), dtype=x.dtype))

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return g * torch.where(x > 0, 1.0, 0.0).to(g.dtype)


def sigmoid(x):
    raise NotImplementedError("not in the source (jax.nn.sigmoid is lax.logistic, a kernel)")


def sigmoid_grad(x):
    raise NotImplementedError("not in the source")


def tanh_grad(x):
    raise NotImplementedError("not in the source")


def relu(x):
    return _Relu.apply(x)


def relu_grad(x):
    raise NotImplementedError("not in the source")


def leaky_relu(x, negative_slope=0.01):
    return torch.where(x >= 0, x, negative_slope * x)
