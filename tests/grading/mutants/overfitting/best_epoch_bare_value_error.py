"""best_epoch raising ValueError() with no message for an empty history."""


def best_epoch(scores):
    if not scores:
        raise ValueError()
    return scores.index(max(scores)) + 1
