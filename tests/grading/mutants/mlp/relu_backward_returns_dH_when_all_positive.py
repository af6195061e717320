"""relu_backward that returns dH itself when every Z is positive: not a new tensor.

Says (relu_backward): returned one of its inputs itself
"""

_reference_relu_backward = relu_backward


def relu_backward(Z, dH):
    if bool((Z > 0).all()):
        return dH
    return _reference_relu_backward(Z, dH)
