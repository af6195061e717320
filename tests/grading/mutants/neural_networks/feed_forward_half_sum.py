"""feed_forward that returns half the summed squared errors (the 1/2 of squared_loss), not
their mean: on one example it is half the loss, so numerical_gradient's estimates are half the
right size, and the student was told to divide by 2 * eps, not 4 * eps, though the differences
were right. The loss is now named first.

Says (numerical_gradient): gives 0.760406 on these inputs instead of 1.52081
"""


def feed_forward(inputs, outputs, weights):
    W1, b1, W2, b2 = weights
    return ((torch.sigmoid(inputs @ W1 + b1) @ W2 + b2 - outputs) ** 2).sum() / 2
