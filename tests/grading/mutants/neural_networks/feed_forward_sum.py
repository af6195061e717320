"""feed_forward that sums the squared errors instead of taking their mean.

Says (numerical_gradient): Your feed_forward gives
"""


def feed_forward(inputs, outputs, weights):
    W1, b1, W2, b2 = weights
    return ((torch.sigmoid(inputs @ W1 + b1) @ W2 + b2 - outputs) ** 2).sum()
