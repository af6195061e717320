"""numerical_gradient that undoes its in-place nudges by adding eps back (rounding drift), as
CS224n's gradcheck_naive does (x[ix] += h; x[ix] -= 2 * h; x[ix] += h). The message named a
weight left at w + eps or a view before session 32, not the rounding.

Says (numerical_gradient): a rounding error
"""


def numerical_gradient(inputs, outputs, weights, eps=1e-4):
    grads = []
    for param in weights:
        grad = torch.zeros_like(param)
        for index in itertools.product(*(range(size) for size in param.shape)):
            param[index] += eps
            loss_plus = feed_forward(inputs, outputs, weights)
            param[index] -= 2 * eps
            loss_minus = feed_forward(inputs, outputs, weights)
            param[index] += eps
            grad[index] = (loss_plus - loss_minus) / (2 * eps)
        grads.append(grad)
    return grads
