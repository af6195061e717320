"""deep-learning-with-pytorch/dlwpt-code, p1ch5/1_parameter_estimation.ipynb: the central
difference loss_rate_of_change_w = (loss_fn(model(t_u, w + delta, b), t_c) -
loss_fn(model(t_u, w - delta, b), t_c)) / (2.0 * delta), each nudge a new tensor (w + delta),
for every entry of every weight; feed_forward is the module docstring's network with the
book's loss_fn (the book's model is w * t_u + b)."""
import torch


def _loss_fn(t_p, t_c):  # p1ch5 loss_fn
    squared_diffs = (t_p - t_c)**2
    return squared_diffs.mean()


def feed_forward(inputs, outputs, weights):
    W1, b1, W2, b2 = weights
    hidden = 1 / (1 + torch.exp(-(inputs @ W1 + b1)))
    return _loss_fn(hidden @ W2 + b2, outputs)


def numerical_gradient(inputs, outputs, weights, eps=1e-4):
    delta = eps
    grads = []
    for k, w in enumerate(weights):
        grad = torch.zeros_like(w)
        for idx in range(w.numel()):
            nudge = torch.zeros_like(w).view(-1)
            nudge[idx] = delta  # w + delta on this entry only, a new tensor
            nudge = nudge.view_as(w)
            plus = [w + nudge if j == k else v for j, v in enumerate(weights)]
            minus = [w - nudge if j == k else v for j, v in enumerate(weights)]
            loss_rate_of_change = (feed_forward(inputs, outputs, plus) -
                                   feed_forward(inputs, outputs, minus)) / (2.0 * delta)
            grad.view(-1)[idx] = loss_rate_of_change
        grads.append(grad)
    return grads


def sigmoid_grad_chain(x, y, W1, W2):
    raise NotImplementedError("not in the source")
