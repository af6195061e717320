"""feed_forward that goes through Python floats, so no gradient flows."""


def feed_forward(inputs, outputs, weights):
    W1, b1, W2, b2 = weights
    errors = (torch.sigmoid(inputs @ W1 + b1) @ W2 + b2 - outputs) ** 2
    return torch.tensor(errors.mean().item(), dtype=errors.dtype)
