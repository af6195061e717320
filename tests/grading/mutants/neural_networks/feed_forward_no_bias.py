"""feed_forward that forgets the biases b1 and b2."""


def feed_forward(inputs, outputs, weights):
    W1, b1, W2, b2 = weights
    return ((torch.sigmoid(inputs @ W1) @ W2 - outputs) ** 2).mean()
