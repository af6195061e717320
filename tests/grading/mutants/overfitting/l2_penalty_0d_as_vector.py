"""l2_penalty that handles a lone weight (0-dim w) apart, as a one-entry vector: it returns
shape (1,) where a 0-dim tensor is promised whatever w's shape.

Says (l2_penalty): 0-dim
"""


def l2_penalty(w):
    if w.ndim == 0:
        return w.reshape(1) ** 2 / 2
    return (w**2).sum() / 2
