"""xavier_uniform_ draws from a generator of its own with a fixed seed: every call (every layer,
every run) gets the same weights, whatever torch.manual_seed says."""


def xavier_uniform_(W, gain=1.0):
    fan_out, fan_in = W.shape
    bound = gain * math.sqrt(6 / (fan_in + fan_out))
    generator = torch.Generator().manual_seed(0)
    with torch.no_grad():
        return W.uniform_(-bound, bound, generator=generator)
