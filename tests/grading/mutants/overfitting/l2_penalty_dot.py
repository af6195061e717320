"""l2_penalty as torch.dot(w, w) / 2, the vector form of linear regression's chapter: a
matrix w raises "1D tensors expected", shown without a word on what to do.

Says (l2_penalty): Square every entry
"""


def l2_penalty(w):
    return torch.dot(w, w) / 2
