"""numerical_gradient translated from NumPy code ("deep learning from scratch"): tmp = w[idx]
is a view in torch, so it follows the nudges, the second loss is taken at w, and the final
"restore" leaves w at w - eps. The message told the student to do what they already did
(set the entry to old - eps).

Says (numerical_gradient): view
"""

import itertools


def numerical_gradient(inputs, outputs, weights, eps=1e-4):
    grads = []
    for w in weights:
        grad = torch.zeros_like(w)
        for idx in itertools.product(*map(range, w.shape)):
            tmp = w[idx]
            w[idx] = tmp + eps
            plus = feed_forward(inputs, outputs, weights)
            w[idx] = tmp - eps
            minus = feed_forward(inputs, outputs, weights)
            grad[idx] = (plus - minus) / (2 * eps)
            w[idx] = tmp
        grads.append(grad)
    return grads
