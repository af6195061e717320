"""Lasagne (MIT) on Theano (BSD): lasagne.nonlinearities delegates to theano.tensor.nnet, whose
ScalarSigmoid cuts at +-30 and has its own grad (gz * y * (1 - y)), and whose relu is
0.5 * (x + abs(x)), leaky: f1 * x + f2 * abs(x). Translated to torch. See README.md."""
import torch


class _ScalarSigmoid(torch.autograd.Function):  # theano.tensor.nnet.sigm.ScalarSigmoid
    @staticmethod
    def forward(ctx, x):
        # st_impl: 0.0 below -30, 1.0 above 30, else 1 / (1 + exp(-x))
        y = torch.where(x < -30.0, torch.zeros_like(x),
                        torch.where(x > 30.0, torch.ones_like(x),
                                    1.0 / (1.0 + torch.exp(-x.clamp(-30.0, 30.0)))))
        ctx.save_for_backward(y)
        return y

    @staticmethod
    def backward(ctx, gz):  # ScalarSigmoid.grad: rval = gz * y * (1.0 - y)
        (y,) = ctx.saved_tensors
        return gz * y * (1.0 - y)


def sigmoid(x: torch.Tensor) -> torch.Tensor:  # lasagne.nonlinearities.sigmoid
    return _ScalarSigmoid.apply(x)


def sigmoid_grad(x: torch.Tensor) -> torch.Tensor:  # the Op's grad with gz = 1
    y = _ScalarSigmoid.apply(x)
    return y * (1.0 - y)


def tanh_grad(x: torch.Tensor) -> torch.Tensor:  # theano.scalar.Tanh.grad: gz * (1 - sqr(tanh(x)))
    return 1 - torch.square(torch.tanh(x))


def relu(x: torch.Tensor) -> torch.Tensor:  # lasagne.nonlinearities.rectify -> T.nnet.relu(x)
    return 0.5 * (x + abs(x))


def relu_grad(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("left out: T.grad of 0.5 * (x + abs(x)) is 0.5 at 0 (deserved)")


def leaky_relu(x: torch.Tensor, negative_slope: float = 0.01) -> torch.Tensor:
    # LeakyRectify(leakiness)(x) -> T.nnet.relu(x, alpha)
    alpha = negative_slope
    if alpha == 0:
        return 0.5 * (x + abs(x))
    f1 = 0.5 * (1 + alpha)
    f2 = 0.5 * (1 - alpha)
    return f1 * x + f2 * abs(x)
