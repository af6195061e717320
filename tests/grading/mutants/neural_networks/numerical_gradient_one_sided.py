"""numerical_gradient with the one-sided difference (L(w + eps) - L(w)) / eps."""


def numerical_gradient(inputs, outputs, weights, eps=1e-4):
    base = feed_forward(inputs, outputs, weights)
    grads = []
    for k, param in enumerate(weights):
        grad = torch.zeros_like(param)
        for index in itertools.product(*(range(size) for size in param.shape)):
            plus = [w.clone() for w in weights]
            plus[k][index] += eps
            grad[index] = (feed_forward(inputs, outputs, plus) - base) / eps
        grads.append(grad)
    return grads
