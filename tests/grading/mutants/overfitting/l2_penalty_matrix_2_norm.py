"""l2_penalty squares torch.linalg.norm(w, ord=2): for a matrix that is the largest singular
value (and a 3-d w raises), not the root of the sum of the squared entries.

Says (l2_penalty): largest singular value
"""


def l2_penalty(w):
    return torch.linalg.norm(w, ord=2) ** 2 / 2
