"""relu_backward that computes in float32 and casts back: float64 gradients lose their digits
beyond float32's seven."""


def relu_backward(Z, dH):
    return (dH.float() * (Z > 0).float()).to(dH.dtype)
