"""feed_forward copies the weights with torch.tensor(w), a common way to "make a tensor" that
also cuts it from autograd: the loss is right and its gradient with respect to the inputs
flows, but no gradient reaches any weight, so backpropagation could not train the network."""


def feed_forward(inputs, outputs, weights):
    W1, b1, W2, b2 = (torch.tensor(w.tolist(), dtype=w.dtype) for w in weights)
    predictions = torch.sigmoid(inputs @ W1 + b1) @ W2 + b2
    return ((predictions - outputs) ** 2).mean()
