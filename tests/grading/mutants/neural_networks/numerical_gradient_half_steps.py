"""numerical_gradient nudges each weight by eps / 2 each way and divides by eps (the symmetric
difference quotient as some textbooks write it): a central difference over half the width
the docstring asks for, visibly off with a coarse eps. It was shown only the numbers.

Says (numerical_gradient): over half the width
"""


def numerical_gradient(inputs, outputs, weights, eps=1e-4):
    grads = []
    for k, w in enumerate(weights):
        g = torch.zeros_like(w)
        for i in range(w.numel()):
            wp, wm = w.clone(), w.clone()
            wp.view(-1)[i] += eps / 2
            wm.view(-1)[i] -= eps / 2
            lp = feed_forward(inputs, outputs, [*weights[:k], wp, *weights[k + 1:]])
            lm = feed_forward(inputs, outputs, [*weights[:k], wm, *weights[k + 1:]])
            g.view(-1)[i] = (lp - lm) / eps
        grads.append(g)
    return grads
