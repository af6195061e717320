"""sigmoid that computes in float32 and casts back: float64 inputs lose their precision."""

_reference_sigmoid = sigmoid


def sigmoid(x):
    return _reference_sigmoid(x.float()).to(x.dtype)
