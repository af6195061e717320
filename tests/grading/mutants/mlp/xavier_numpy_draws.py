"""xavier_uniform_ draws with NumPy's generator and copies the values into W: torch.manual_seed
does not make it reproducible."""


def xavier_uniform_(W, gain=1.0):
    import numpy as np

    fan_out, fan_in = W.shape
    bound = gain * math.sqrt(6 / (fan_in + fan_out))
    with torch.no_grad():
        return W.copy_(torch.from_numpy(np.random.uniform(-bound, bound, W.shape)))  # noqa: NPY002
