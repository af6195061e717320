"""numerical_gradient that divides the central difference by eps instead of 2 * eps."""


def numerical_gradient(inputs, outputs, weights, eps=1e-4):
    grads = []
    for k, param in enumerate(weights):
        grad = torch.zeros_like(param)
        for index in itertools.product(*(range(size) for size in param.shape)):
            plus = [w.clone() for w in weights]
            minus = [w.clone() for w in weights]
            plus[k][index] += eps
            minus[k][index] -= eps
            diff = feed_forward(inputs, outputs, plus) - feed_forward(inputs, outputs, minus)
            grad[index] = diff / eps
        grads.append(grad)
    return grads
