"""numerical_gradient whose default eps is 1e-3, not the docstring's 1e-4: right whenever eps is
given, and off in the 6th digit on inputs of a few units when it is not.

Says (numerical_gradient): another eps than the default
"""


def numerical_gradient(inputs, outputs, weights, eps=1e-3):
    grads = []
    for k, w in enumerate(weights):
        grad = torch.zeros_like(w)
        for index in range(w.numel()):
            nudged = [x.clone() for x in weights]
            nudged[k].view(-1)[index] += eps
            up = feed_forward(inputs, outputs, nudged)
            nudged[k].view(-1)[index] -= 2 * eps
            down = feed_forward(inputs, outputs, nudged)
            grad.view(-1)[index] = (up - down) / (2 * eps)
        grads.append(grad)
    return grads
