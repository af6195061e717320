"""best_epoch that refuses a history of int scores, although the docstring takes any number
per epoch.

Says (best_epoch): ints are numbers too
"""


def best_epoch(scores):
    if len(scores) == 0:
        raise ValueError("there is no epoch to choose from: the history is empty")
    if any(not isinstance(score, float) for score in scores):
        raise ValueError("every score must be a float")
    return scores.index(max(scores)) + 1
