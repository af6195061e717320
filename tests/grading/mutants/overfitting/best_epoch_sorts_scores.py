"""best_epoch sorts the caller's list of scores in place after finding the best epoch.

Says (best_epoch): modified the list of scores
"""


def best_epoch(scores):
    if not scores:
        raise ValueError("there is no epoch to choose from: scores is empty")
    best = scores.index(max(scores)) + 1
    scores.sort()  # "to look at the top scores": the caller's history is reordered
    return best
