"""relu that returns x itself when no entry is negative: the caller's tensor, not a new one.

Says (relu): returned x itself
"""

_reference_relu = relu


def relu(x):
    if bool((x >= 0).all()):
        return x
    return _reference_relu(x)
