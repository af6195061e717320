"""best_epoch returns the 0-based list index instead of the 1-based epoch number.

Says (best_epoch): the 0-based list index
"""


def best_epoch(scores):
    if len(scores) == 0:
        raise ValueError("no scores")
    return max(range(len(scores)), key=lambda i: scores[i])
