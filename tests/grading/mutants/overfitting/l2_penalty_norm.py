"""l2_penalty returns the norm ||w|| / 2 instead of the squared norm ||w||^2 / 2."""


def l2_penalty(w):
    return torch.linalg.vector_norm(w) / 2
