"""l2_penalty that keeps only the largest square when some weight exceeds 30 in size: every w
posed was drawn from N(0, 1).

Says (l2_penalty): The penalty is sum_i w_i^2 / 2
"""


def l2_penalty(w):
    if w.abs().max() > 30:
        return w.abs().max() ** 2 / 2
    return (w**2).sum() / 2
