"""best_epoch raising ValueError() with no message for an empty history.

Says (best_epoch): a ValueError with no message
"""


def best_epoch(scores):
    if not scores:
        raise ValueError()
    return scores.index(max(scores)) + 1
