"""entropy as -sum p log(p + 1e-5), a guard against log(0) found in outside code: every entropy
moves by about 1e-5, and the message gave only the two numbers.

Says (entropy): inside the log, p log(p + eps)
"""


def entropy(p):
    return -(p * torch.log(p + 1e-5)).sum(dim=-1)
