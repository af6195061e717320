"""relu_backward that returns the mask without multiplying by dH."""


def relu_backward(Z, dH):
    return (Z > 0).to(dH.dtype)
