"""numerical_gradient that nudges in place by += eps, then -= eps for the second loss: that
brings the entry back to w, not to w - eps, so each estimate is (L(w + eps) - L(w)) / (2 eps),
about half the derivative. It restores the saved value, so the weights are left intact.

Says (numerical_gradient): your second loss is taken at w, not at w - eps
"""


def numerical_gradient(inputs, outputs, weights, eps=1e-4):
    grads = []
    for w in weights:
        grad = torch.zeros_like(w)
        flat, out = w.view(-1), grad.view(-1)
        for i in range(flat.numel()):
            old = flat[i].clone()
            flat[i] += eps
            plus = feed_forward(inputs, outputs, weights)
            flat[i] -= eps
            minus = feed_forward(inputs, outputs, weights)
            flat[i] = old
            out[i] = (plus - minus) / (2 * eps)
        grads.append(grad)
    return grads
