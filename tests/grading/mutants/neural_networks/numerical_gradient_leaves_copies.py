"""numerical_gradient puts nudged copies into the caller's weights list and never puts the
original tensors back, so the caller's network ends at w - eps.

Says (numerical_gradient): changed the weights it was given
"""


def numerical_gradient(inputs, outputs, weights, eps=1e-4):
    grads = []
    for k in range(len(weights)):
        original = weights[k]
        grad = torch.zeros_like(original)
        for index in range(original.numel()):
            plus, minus = original.clone(), original.clone()
            plus.view(-1)[index] += eps
            minus.view(-1)[index] -= eps
            weights[k] = plus
            loss_plus = feed_forward(inputs, outputs, weights)
            weights[k] = minus
            loss_minus = feed_forward(inputs, outputs, weights)
            grad.view(-1)[index] = (loss_plus - loss_minus) / (2 * eps)
        grads.append(grad)
    return grads
