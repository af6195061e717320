"""xavier_uniform_ draws each weight from {-a, 0, a} with the probabilities that give U(-a, a)'s
mean and variance (a/sqrt(3) std): the moments are right, the distribution is not uniform."""


def xavier_uniform_(W, gain=1.0):
    fan_out, fan_in = W.shape
    bound = gain * math.sqrt(6 / (fan_in + fan_out))
    u = torch.rand(W.shape)
    with torch.no_grad():
        return W.copy_(bound * ((u < 1 / 6).to(W.dtype) - (u > 5 / 6).to(W.dtype)))
