"""best_epoch returns the epoch with the lowest score (argmin instead of argmax).

Says (best_epoch): the epoch with the LOWEST score
"""


def best_epoch(scores):
    if len(scores) == 0:
        raise ValueError("no scores")
    return min(range(len(scores)), key=lambda i: scores[i]) + 1
