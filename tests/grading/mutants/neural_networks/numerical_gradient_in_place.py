"""numerical_gradient that nudges the caller's weights in place and never restores them."""


def numerical_gradient(inputs, outputs, weights, eps=1e-4):
    grads = []
    for param in weights:
        grad = torch.zeros_like(param)
        for index in itertools.product(*(range(size) for size in param.shape)):
            param[index] += eps
            loss_plus = feed_forward(inputs, outputs, weights)
            param[index] -= 2 * eps
            loss_minus = feed_forward(inputs, outputs, weights)
            grad[index] = (loss_plus - loss_minus) / (2 * eps)
        grads.append(grad)
    return grads
